// The in-app guide, offline and in Vietnamese: the four steps, the live screen's shortcuts (read
// from the live screen's own keyboard map, so the two never disagree), the projector and the
// recording (their keys from the lists their matchers use), the follow-up register (its keys in
// help/facts.ts, checked against the register's code by tests/unit/help-facts.test.ts), sending
// to the province's server, backups, and where the data is (the real folder, from 'app.info'). Anchors are buttons that scroll, not "#…" links, because
// the hash belongs to the router. Printable: the print stylesheet drops the chrome.
import { useRef, type ReactNode } from 'react';
import { useData } from '../lib/use-data';
import { href } from '../lib/router';
import { MEETING_SHORTCUTS, SHORTCUTS } from './live/shortcuts';
import { KeyCombos } from './live/KeyboardMap';
import { HELP_FACTS, REGISTER_HELP_KEYS, joinPath } from './help/facts';
import { DEFAULT_TIMER_RULE, PROJECTOR_KEYS, SCENE_LABELS, SCENES, WARNING_MS } from '../../../electron/shared/timer';
import { AUDIO_KEYS } from '../audio/keys';
import { AUDIO_LIMITS } from '../../../electron/shared/audio';
import { DEFAULT_STATUSES } from '../../../electron/shared/followup';
import { OpenSampleButton } from './setup/sample';
import './help/help.css';

type Section = { id: string; title: string; body: ReactNode };

type KeyRow = { id: string; keys: readonly string[]; label: string };

/** A table of keys drawn from the list the screen itself matches against. */
function KeyTable({ rows, testId }: { rows: readonly KeyRow[]; testId: string }) {
  return (
    <table className="help-keys" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">Phím</th>
          <th scope="col">Việc</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s.id} data-testid={`${testId}-row`} data-keys={s.keys.join(' ')}>
            <td className="nowrap">
              <KeyCombos keys={s.keys} />
            </td>
            <td>{s.label}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The key(s) of one entry of a key list, drawn as caps, so the prose says what the code does. */
function K({ list, id }: { list: readonly KeyRow[]; id: string }) {
  const row = list.find((r) => r.id === id);
  return row ? <KeyCombos keys={row.keys} /> : null;
}

function ShortcutTable() {
  return (
    <table className="help-keys" data-testid="help-shortcuts">
      <thead>
        <tr>
          <th scope="col">Phím</th>
          <th scope="col">Việc</th>
        </tr>
      </thead>
      <tbody>
        {SHORTCUTS.map((s) => (
          <tr key={s.id} data-testid="help-shortcut" data-keys={s.keys.join(' ')}>
            <td className="nowrap">
              <KeyCombos keys={s.keys} />
            </td>
            <td>{s.label}</td>
          </tr>
        ))}
        <tr>
          <td className="nowrap">
            <kbd>Dấu cách</kbd>
          </td>
          <td>Trong danh sách đại biểu: đánh dấu có mặt / vắng mặt; phím ↑ ↓ để chuyển người</td>
        </tr>
        {MEETING_SHORTCUTS.map((s) => (
          <tr key={s.id} data-testid="help-meeting-shortcut" data-keys={s.keys.join(' ')}>
            <td className="nowrap">
              <KeyCombos keys={s.keys} />
            </td>
            <td>{s.label} (trên mọi bước)</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DataFolder() {
  const info = useData('app.info', {});
  if (info.error) return <div className="banner error">{info.error}</div>;
  if (!info.data) return <p className="muted">Đang đọc…</p>;
  const { dataDir, dbPath, mode } = info.data;
  return (
    <dl className="help-paths" data-testid="help-data-folder">
      <dt>Thư mục dữ liệu trên máy này</dt>
      <dd>
        <code data-testid="help-data-dir">{dataDir}</code>
      </dd>
      <dt>Tệp dữ liệu (mọi hội nghị, cả ảnh)</dt>
      <dd>
        <code>{dbPath}</code>
      </dd>
      <dt>Các bản sao lưu</dt>
      <dd>
        <code data-testid="help-backup-dir">{joinPath(dataDir, HELP_FACTS.backupDir)}</code>
      </dd>
      <dt>Ghi âm hội trường (mỗi hội nghị một thư mục con)</dt>
      <dd>
        <code data-testid="help-audio-dir">{joinPath(dataDir, HELP_FACTS.audioDir)}</code>
      </dd>
      {mode === 'electron' ? (
        <dd className="muted small">Mở nhanh thư mục này: trình đơn Tệp → Mở thư mục dữ liệu.</dd>
      ) : (
        <dd className="muted small">Đang chạy ở chế độ trình duyệt: thư mục là nơi đã chọn khi chạy lệnh <code>npm run web</code>.</dd>
      )}
    </dl>
  );
}

const F = HELP_FACTS;
const minutes = (seconds: number) => String(seconds / 60).replace('.', ',');

const SECTIONS: Section[] = [
  {
    id: 'bat-dau',
    title: 'Lần đầu sử dụng',
    body: (
      <>
        <p>
          Lần đầu mở, ứng dụng hỏi thông tin cơ quan: cấp của cơ quan (tỉnh, thành phố hoặc xã, phường, đặc khu; từ 01/7/2025 không còn cấp
          quận, huyện, chỉ chọn cấp này khi ghi lại hội nghị trước ngày đó), cơ quan ban hành và cơ quan chủ quản (in ở góc trái phần đầu biên bản,
          ví dụ UBND PHƯỜNG TÂY TỰU dưới UBND THÀNH PHỐ HÀ NỘI), cơ quan có phải cấp ủy Đảng không (nếu có, biên bản theo thể thức của Đảng,
          Hướng dẫn 36-HD/VPTW), ký hiệu biên bản (BB-UBND, BB/ĐU, BB/TU…), địa danh cho dòng ngày tháng, tên thư ký, tác giả tin bài và cách viết
          của tin bài: số lượng (“08 kiến nghị” hay “8 kiến nghị”), ngày (“Chiều ngày 5/8/2025”, “Chiều 05/08”, “Chiều 5-8-2025”…) và họ tên kèm
          chức danh. Sửa lại bất cứ lúc nào ở mục{' '}
          <a href={href({ name: 'settings' })}>Thiết lập</a>.
        </p>
        <p>
          Muốn xem một hội nghị đã ghi đầy đủ trước khi tự làm? Mở <strong>hội nghị mẫu</strong>: Hội nghị đối thoại ở quận Bắc Từ Liêm ngày
          18/10/2019, có đại biểu, 16 kiến nghị, ý kiến trả lời, kết luận và ảnh. Trên Trang chủ, hội nghị này có nhãn <strong>Mẫu</strong>; sửa thử
          thoải mái, xong thì bấm “Xóa hội nghị mẫu” (bấm nhầm thì “Hoàn tác”).
        </p>
        <p className="no-print">
          <OpenSampleButton />
        </p>
      </>
    ),
  },
  {
    id: 'chuan-bi',
    title: '1. Chuẩn bị (trước ngày họp)',
    body: (
      <>
        <p>
          Ở Trang chủ bấm <strong>+ Hội nghị mới (đối thoại)</strong>, hoặc chọn “sao chép từ” một hội nghị trước để giữ lại danh sách đại biểu và
          thành phần dự. Có sẵn bản ghi hội nghị dạng .json (ví dụ do văn phòng chuẩn bị)? Bấm <strong>Nhập bản ghi hội nghị (.json)</strong>:
          ứng dụng tạo hội nghị từ bản ghi, hoặc báo rõ mục nào sai mà không ghi gì. Thẻ <strong>1. Chuẩn bị</strong> gồm:
        </p>
        <ul>
          <li>
            <strong>Thông tin hội nghị</strong>: tên, đơn vị tổ chức, đối tượng đối thoại, địa điểm, ngày (gõ ngày/tháng/năm, ví dụ 18/10/2019),
            giờ theo 24 giờ (14:00; gõ 1400 cũng được) và số biên bản.
          </li>
          <li>
            <strong>Danh sách đại biểu</strong>: gõ vài chữ của tên, có dấu hay không dấu đều được (“thieu” tìm ra Thiều), hoặc gõ chữ cái đầu của
            họ tên (“tqt” hay “ttq” đều tìm ra Trương Quang Thiều). Người chưa có trong danh bạ thì thêm ngay tại chỗ, lần sau chỉ việc gõ tìm. Chọn
            vai trò (khách mời cấp trên, chủ trì, báo cáo, trả lời, đại biểu), rồi bấm “Sắp xếp theo thứ bậc” để có thứ tự nghi thức.
          </li>
          <li>
            <strong>Thành phần dự khác</strong>: các nhóm không cần ghi từng người, ví dụ “lãnh đạo HĐND, UBND, Ủy ban MTTQ các phường”.
          </li>
          <li>
            <strong>Kiến nghị trước hội nghị</strong> và văn bản trả lời: thêm từng kiến nghị, hoặc “Nhập từ tệp Excel/CSV…” (xem trước từng dòng,
            dòng lỗi được chỉ rõ, chỉ ghi khi anh/chị đồng ý).
          </li>
          <li>
            <strong>Thông tin cho tin bài</strong>: loại hội nghị (đối thoại, tiếp xúc cử tri…), tít tin bài (để trống thì ứng dụng tự đề xuất),
            buổi (khi chưa rõ giờ bắt đầu), các văn bản căn cứ (mỗi văn bản một dòng), mục đích (“nhằm …”), đơn vị tổng hợp kiến nghị, số người dự
            (“gần 150 đại biểu”, 150), các con số in trong tin bài (để trống thì ứng dụng tự đếm), tác giả và ngày đăng tin.
          </li>
        </ul>
        <p>Không có nút Lưu: mọi thứ gõ vào đều được lưu ngay.</p>
      </>
    ),
  },
  {
    id: 'truc-tiep',
    title: '2. Trực tiếp (trong hội trường)',
    body: (
      <>
        <ul>
          <li>
            Khi khai mạc, bấm <strong>Bắt đầu hội nghị</strong>. Điểm danh bằng <kbd>Alt</kbd>+<kbd>L</kbd> rồi phím dấu cách trên từng người.
          </li>
          <li>
            Mỗi ý kiến phát biểu: <kbd>F2</kbd> mở một kiến nghị mới; gõ tên người phát biểu (gõ tắt như ở bước Chuẩn bị), đơn vị và nội dung. Ứng
            dụng gợi ý <strong>cụm tóm tắt</strong> dùng cho tin bài; sửa lại cho gọn nếu cần. <kbd>Ctrl</kbd>+<kbd>Enter</kbd> là xong mục.
          </li>
          <li>
            Khi lãnh đạo trả lời: chọn kiến nghị (hoặc đánh dấu nhiều kiến nghị trên dòng thời gian) rồi bấm <kbd>F3</kbd>. Báo cáo:{' '}
            <kbd>Alt</kbd>+<kbd>B</kbd>; kết luận: <kbd>Alt</kbd>+<kbd>K</kbd> (mỗi ý chỉ đạo một dòng); ảnh: <kbd>Alt</kbd>+<kbd>P</kbd>. Phát biểu
            khai mạc, phát biểu chỉ đạo của khách mời và các phát biểu khác: nút <strong>Khai mạc</strong>, <strong>Chỉ đạo</strong>,{' '}
            <strong>Phát biểu</strong>. Ý kiến chưa trả lời tại chỗ: chọn “Sẽ trả lời bằng văn bản sau” hoặc “Chuyển cơ quan có thẩm quyền, cấp
            trên”, rồi ghi cơ quan và thời hạn.
          </li>
          <li>
            Unikey, EVKey và bộ gõ tiếng Việt có sẵn của Windows, macOS đều dùng được. Các phím tắt không dùng chữ cái thường hay Ctrl+chữ nên không
            vướng bộ gõ và các phím quen thuộc (Ctrl+C, Ctrl+V, Ctrl+Z…).
          </li>
        </ul>
        <h3>Tự lưu, và khi mất điện</h3>
        <p>
          Mọi chữ gõ vào được lưu xuống máy sau chưa đầy nửa giây. Góc trên bên phải hiện <strong>“Đã lưu”</strong> kèm giờ: điều gì màn hình đã báo
          “Đã lưu” thì vẫn còn nguyên khi ứng dụng bị tắt ngang, máy treo hay mất điện. Mở lại ứng dụng là thấy đúng chỗ đang ghi; cùng lắm chỉ mất
          vài chữ gõ trong nửa giây cuối.
        </p>
        <p>
          Nếu ổ đĩa đầy hoặc không ghi được (ví dụ rút USB chứa dữ liệu), góc trên hiện chữ đỏ <strong>“Chưa lưu được”</strong>. Nội dung vẫn nằm
          trên màn hình và ứng dụng tự thử lưu lại: đừng tắt ứng dụng, hãy giải phóng ổ đĩa hoặc cắm lại USB.
        </p>
      </>
    ),
  },
  {
    id: 'phim-tat',
    title: 'Phím tắt trên màn hình Trực tiếp',
    body: (
      <>
        <p className="muted">
          Trên màn hình Trực tiếp, bấm <kbd>F1</kbd> để xem bảng này bất cứ lúc nào.
        </p>
        <ShortcutTable />
      </>
    ),
  },
  {
    id: 'man-chieu',
    title: 'Màn chiếu và bấm giờ phát biểu',
    body: (
      <>
        <p>
          Ở bước <strong>2. Trực tiếp</strong>, khung <strong>Màn chiếu và bấm giờ</strong> điều khiển những gì hiện lên màn chiếu của hội trường
          và đồng hồ đếm ngược thời gian phát biểu. Màn chiếu nhận nội dung từ chính máy này, không qua mạng.
        </p>
        <ul>
          <li>
            <strong>Mở màn chiếu</strong>: bấm nút <strong>Mở</strong>. Khi máy tính đang nối với máy chiếu (màn hình thứ hai), màn chiếu mở đầy màn
            hình ở đó, còn anh/chị vẫn gõ tiếp trên màn hình của mình; khi chỉ có một màn hình, màn chiếu mở thành một cửa sổ nhỏ để xem trước. Ở chế
            độ trình duyệt, màn chiếu mở trong một thẻ mới: kéo thẻ đó sang màn hình máy chiếu rồi bấm <kbd>F11</kbd>.
          </li>
          <li>
            <strong>Hiện, ẩn</strong>: <K list={PROJECTOR_KEYS} id="toggleShow" />. Khi ẩn, màn chiếu là màn đen; nút cạnh nút Mở cho biết “Đang
            hiện” hay “Đang ẩn”.
          </li>
          <li>
            <strong>Nội dung trên màn chiếu</strong>: {SCENES.map((s) => `“${SCENE_LABELS[s]}”`).join(', ')}. Bấm{' '}
            <K list={PROJECTOR_KEYS} id="cycleScene" /> để chuyển lần lượt, hoặc bấm thẳng vào nút. Chỉ nội dung “{SCENE_LABELS.speaker}” nêu tên
            người (kèm chức danh hoặc đơn vị); số điện thoại, địa chỉ không bao giờ lên màn chiếu. Nội dung “{SCENE_LABELS.message}” là dòng
            anh/chị gõ vào ô “Thông báo ngắn lên màn chiếu…”.
          </li>
          <li>
            <strong>Người phát biểu</strong>: <K list={PROJECTOR_KEYS} id="nextSpeaker" /> gọi người tiếp theo (mục sau trên dòng thời gian); nút{' '}
            <strong>Mục đang chọn</strong> đưa mục đang chọn lên màn chiếu.
          </li>
        </ul>
        <h3>Bấm giờ phát biểu</h3>
        <ul>
          <li>
            <K list={PROJECTOR_KEYS} id="timerToggle" />: bắt đầu, tạm dừng, tiếp tục; <K list={PROJECTOR_KEYS} id="timerReset" />: đặt lại từ
            đầu. Các phím này dùng được cả khi con trỏ đang ở trong ô chữ.
          </li>
          <li>
            Quy định sẵn: đại biểu phát biểu {minutes(DEFAULT_TIMER_RULE.delegateSeconds)} phút, lãnh đạo trả lời{' '}
            {minutes(DEFAULT_TIMER_RULE.leaderSeconds)} phút. Sửa ở mục <strong>Quy định thời gian</strong> (gõ “2,5” là hai phút rưỡi), hoặc đặt
            riêng cho người đang phát biểu ở ô “Riêng …” (để trống là theo quy định chung).
          </li>
          <li>
            {WARNING_MS / 1000} giây cuối, đồng hồ chuyển màu đỏ. Hết giờ, đồng hồ đếm tiếp với dấu + (ví dụ +0:15) để biết đã quá bao lâu. Muốn có
            tiếng bíp khi hết giờ thì đánh dấu “Tiếng bíp khi hết giờ” (mặc định tắt).
          </li>
          <li>
            Thời gian nói của từng lượt được lưu lại; dòng dưới đồng hồ cho biết số lượt, tổng thời gian, lượt lâu nhất và số lượt quá giờ. Đánh dấu
            “Ghi thời gian phát biểu vào biên bản” nếu muốn biên bản ghi thời gian của từng lượt.
          </li>
        </ul>
        <KeyTable rows={PROJECTOR_KEYS} testId="help-projector-keys" />
        <p className="muted small">Các phím trên chỉ dùng ở bước 2. Trực tiếp; bảng phím <kbd>F1</kbd> ở đó cũng ghi đủ.</p>
      </>
    ),
  },
  {
    id: 'ghi-am',
    title: 'Ghi âm hội trường và nghe lại',
    body: (
      <>
        <p>
          Ứng dụng ghi âm bằng micrô của máy tính (hoặc dây âm thanh từ bàn trộn cắm vào máy), để sau này nghe lại đúng đoạn người phát biểu đã nói
          khi soát biên bản. Chỉ ghi được khi hội nghị đang diễn ra: bấm “Bắt đầu hội nghị” trước.
        </p>
        <ul>
          <li>
            <K list={AUDIO_KEYS} id="record" /> hoặc nút <strong>● Ghi âm</strong> (khung “Ghi âm hội trường” ở bước 2. Trực tiếp): bắt đầu, dừng
            ghi. Khi đang ghi, dấu đỏ “Đang ghi âm” hiện kèm thời gian đã ghi. Ghi âm tự dừng khi kết thúc hội nghị; biên bản đã chốt thì không ghi
            thêm được.
          </li>
          <li>
            Mất điện hay tắt ngang: phần đã ghi vẫn còn, cùng lắm mất chưa đến một giây cuối. Mở lại hội nghị (vẫn đang diễn ra) thì ứng dụng tự ghi
            tiếp thành một phần mới; khoảng trống giữa hai phần là lúc máy không ghi.
          </li>
          <li>
            <strong>Nghe lại</strong>: mỗi kiến nghị, ý kiến trả lời, phát biểu và ảnh ghi trong lúc đang ghi âm có nút <strong>▶ Nghe lại</strong>,
            phát từ {AUDIO_LIMITS.replayLeadMs / 1000} giây trước lúc ghi mục đó. <K list={AUDIO_KEYS} id="replay" /> nghe lại mục đang chọn trên
            dòng thời gian. Mục ghi lúc không ghi âm thì không có nút này.
          </li>
          <li>
            Dải dưới dòng thời gian: mỗi đoạn có người nói là một khối xanh, mỗi mục đã ghi là một vạch đỏ; bấm vào chỗ nào thì nghe từ chỗ đó.{' '}
            <K list={AUDIO_KEYS} id="playPause" />: phát, tạm dừng; <K list={AUDIO_KEYS} id="prevSpeech" />: về đoạn nói trước;{' '}
            <K list={AUDIO_KEYS} id="nextSpeech" />: sang đoạn nói sau.
          </li>
          <li>
            Ở bước <strong>4. Văn bản</strong>, mục “Nghe lại bản ghi âm” có nút nghe lại cho từng mục, để đối chiếu văn bản với lời đã nói.
          </li>
        </ul>
        <KeyTable rows={AUDIO_KEYS} testId="help-audio-keys" />
        <h3>Ghi âm nằm ở đâu, xóa thế nào</h3>
        <p>
          Ghi âm nằm trong thư mục <code>{F.audioDir}</code> của thư mục dữ liệu, mỗi hội nghị một thư mục con (đường dẫn đầy đủ ở mục “Dữ liệu nằm
          ở đâu”), chỉ trên máy này. Mỗi giờ ghi âm chiếm khoảng 130 MB. Mở “Dung lượng, xóa, chép thành chữ” trong khung Ghi âm hội trường để xem
          dung lượng của hội nghị này và của mọi hội nghị.
        </p>
        <ul>
          <li>
            Xóa: dừng ghi âm, rồi bấm <strong>Xóa ghi âm của hội nghị này</strong>. Bấm nhầm thì bấm <strong>Hoàn tác</strong>: bản vừa xóa được
            cất tạm trong thư mục <code>{F.audioDir}/{F.audioTrashDir}</code> để lấy lại được.
          </li>
          <li>
            Các bản sao lưu tự động không chứa ghi âm, và “Xuất tệp hội nghị” thường cũng không. Muốn mang ghi âm sang máy khác hay lưu hồ sơ, bấm{' '}
            <strong>Xuất tệp hội nghị kèm ghi âm</strong>.
          </li>
          <li>
            Chép thành chữ (không bắt buộc): cần thư mục mô hình nhận dạng tiếng Việt chép vào máy từ USB; chọn thư mục đó rồi bấm “Kiểm tra”. Chọn
            một đoạn trên dải rồi bấm “Chép thành chữ”; chữ hiện trên màn hình để anh/chị chép vào mục cần ghi.
          </li>
        </ul>
      </>
    ),
  },
  {
    id: 'ket-thuc',
    title: '3. Kết thúc',
    body: (
      <ul>
        <li>
          Ở thẻ <strong>3. Kết thúc</strong>, ghi giờ kết thúc (hoặc bấm “Lấy giờ hiện tại”).
        </li>
        <li>
          Xem danh sách <strong>Kiểm tra trước khi kết thúc</strong>: còn thiếu chủ trì, báo cáo, kết luận, cụm tóm tắt hay ý kiến trả lời nào. Bấm
          vào từng mục để đến đúng chỗ cần ghi.
        </li>
        <li>
          Bấm <strong>Kết thúc hội nghị</strong>. Sau đó vẫn bổ sung, sửa được; cần thì “Mở lại hội nghị”.
        </li>
        <li>
          Khi biên bản đã ký, <strong>chốt biên bản</strong> để khóa hồ sơ. Muốn sửa hồ sơ đã chốt phải mở khóa và ghi lý do; mọi lần sửa sau đó
          được ghi vào nhật ký và biên bản xuất ra ghi lần sửa.
        </li>
      </ul>
    ),
  },
  {
    id: 'van-ban',
    title: '4. Văn bản',
    body: (
      <>
        <p>Thẻ <strong>4. Văn bản</strong> tạo bốn văn bản từ những gì đã ghi:</p>
        <ul>
          <li>
            <strong>Tin bài</strong> để đăng trang thông tin điện tử: mở đầu bằng thời gian, đơn vị tổ chức, thành phần dự, báo cáo, các kiến nghị,
            ý kiến trả lời, kết luận, ảnh và tác giả. Có tùy chọn nêu từng người phát biểu, thêm căn cứ (“Thực hiện Kế hoạch số …”) và chọn ảnh.
          </li>
          <li>
            <strong>Biên bản</strong> theo Nghị định 30/2020/NĐ-CP (hoặc Hướng dẫn 36-HD/VPTW nếu cơ quan là cấp ủy Đảng): khổ A4, chữ Times New
            Roman, phần đầu, số và ký hiệu, nội dung theo diễn biến, chữ ký THƯ KÝ và CHỦ TRÌ (hay CHỦ TỌA), nơi nhận.
          </li>
          <li>
            <strong>Bảng tổng hợp kiến nghị</strong>: khổ ngang, nhóm theo kiến nghị trước và tại hội nghị, theo lĩnh vực, kèm ý kiến trả lời.
          </li>
          <li>
            <strong>Thông báo kết luận</strong> của người chủ trì: theo cùng thể thức với biên bản (số và ký hiệu thông báo, ví dụ “Số: 05/TB-UBND”),
            nêu các ý kết luận, chỉ đạo đã ghi ở bước 2 (<kbd>Alt</kbd>+<kbd>K</kbd>), phần ký và nơi nhận. Phần ký (thay mặt, ký thay hay thừa lệnh) được
            chọn theo chức danh của người chủ trì; xem lại trước khi in.
          </li>
        </ul>
        <p>
          Phía trên thông báo có khung <strong>Giao nhiệm vụ theo kết luận</strong>: mỗi ý chỉ đạo thành một nhiệm vụ, ghi{' '}
          <strong>Nội dung nhiệm vụ</strong>, <strong>Cơ quan, đơn vị thực hiện</strong> và <strong>Thời hạn</strong> (ngày/tháng/năm); thêm nhiệm vụ
          bằng tay hoặc bấm “Bỏ” với ý không cần theo dõi. Bấm <strong>Lưu nhiệm vụ</strong>: thông báo liệt kê các nhiệm vụ đó, và các nhiệm vụ
          được theo dõi ở mục “Theo dõi kiến nghị” như một kiến nghị.
        </p>
        <p>
          Sửa thẳng trên màn hình; các chỗ đã sửa được giữ lại. Nếu sau đó dữ liệu hội nghị thay đổi, ứng dụng báo và cho chọn “Thay bằng bản mới”
          hoặc “Giữ bản đã sửa”. Bấm <strong>Xuất Word (.docx)</strong> để có tệp in được ngay. Với tin bài, <strong>Sao chép HTML</strong> để dán vào trình soạn
          thảo của trang thông tin điện tử (kèm ảnh), hoặc sao chép dạng văn bản thuần.
        </p>
      </>
    ),
  },
  {
    id: 'theo-doi',
    title: 'Theo dõi kiến nghị sau hội nghị',
    body: (
      <>
        <p>
          Mục <a href={href({ name: 'register', params: '' })}>Theo dõi kiến nghị</a> (trên thanh trên cùng) gom mọi kiến nghị của mọi hội nghị và
          mọi nhiệm vụ theo thông báo kết luận, để theo dõi đến khi giải quyết xong. Gõ vào ô tìm kiếm (có dấu hay không dấu đều được), hoặc lọc theo
          cơ quan, lĩnh vực, hội nghị, ngày nhận, hạn và trạng thái; <strong>Xuất Excel danh sách này</strong> cho ra đúng danh sách đang lọc.
        </p>
        <p>Chọn một kiến nghị để cập nhật:</p>
        <ul>
          <li>
            <strong>Trạng thái</strong>: {DEFAULT_STATUSES.filter((st) => st.active).map((st) => `“${st.label}”`).join(', ')}. “Đã trả lời” chưa
            phải là “đã giải quyết xong”. Danh sách trạng thái sửa được ở <a href={href({ name: 'settings' })}>Thiết lập</a> → “Trạng thái theo dõi
            kiến nghị”.
          </li>
          <li>
            <strong>Cơ quan giải quyết</strong>: chọn trong danh sách hoặc gõ tên mới; danh sách sửa ở Thiết lập → “Cơ quan, đơn vị được giao giải
            quyết”.
          </li>
          <li>
            <strong>Thời hạn</strong> (ngày/tháng/năm). Trang chủ luôn cho biết bao nhiêu mục <strong>sắp đến hạn</strong> ({F.dueSoonDays} ngày
            tới) và bao nhiêu mục <strong>quá hạn</strong>; bấm vào con số để mở đúng danh sách đó.
          </li>
          <li>
            <strong>Văn bản trả lời</strong>: số văn bản (ví dụ 125/UBND-KT), ngày văn bản và tệp văn bản (PDF, Word, ảnh) đính kèm.
          </li>
          <li>
            <strong>Ghi chú</strong>, rồi bấm <strong>Ghi vào lịch sử</strong> (<K list={REGISTER_HELP_KEYS} id="save" />).
          </li>
        </ul>
        <h3>Lịch sử, và khi hai máy cùng sửa</h3>
        <p>
          Mỗi lần ghi, phần <strong>Lịch sử</strong> của kiến nghị thêm một dòng: ngày giờ, người sửa và điều đã đổi. Khi nhập tệp hội nghị (
          {F.meetingFileExt}) của chính hội nghị đó từ máy khác, lịch sử của hai máy được gộp lại, không mục nào bị ghi hai lần. Nếu hai máy cùng
          sửa một ô với hai giá trị khác nhau, kiến nghị có nhãn <strong>có sửa trùng</strong>; mở ra sẽ thấy “Hai máy cùng sửa …” kèm cả hai giá
          trị, ai sửa và lúc nào. Ứng dụng tạm dùng giá trị ghi sau cùng: hãy chọn giá trị đúng rồi bấm “Ghi vào lịch sử” để chốt.
        </p>
        <h3>Báo cáo theo kỳ</h3>
        <p>
          Bấm <strong>Báo cáo theo kỳ…</strong> (<K list={REGISTER_HELP_KEYS} id="report" />), chọn kỳ: tháng, quý, 6 tháng đầu năm hay cuối
          năm, năm, hoặc từ ngày đến ngày. Màn hình hiện số liệu: kỳ trước chuyển sang, tiếp nhận trong kỳ, đã trả lời, đã giải quyết xong, tỷ lệ,
          theo lĩnh vực, theo cơ quan, và các kiến nghị chưa giải quyết được kèm nguyên nhân. Bấm <strong>Xuất Word (.docx)</strong> để có báo cáo
          theo thể thức, in ký được, hoặc <strong>Xuất Excel (.xlsx)</strong> để có bảng số liệu.
        </p>
        <h3>Phím tắt trên màn hình Theo dõi kiến nghị</h3>
        <KeyTable rows={REGISTER_HELP_KEYS} testId="help-register-keys" />
        <p className="muted small">
          Các phím Alt+chữ trong bảng này chỉ có tác dụng trên màn hình Theo dõi kiến nghị; ở bước 2. Trực tiếp, cùng phím đó làm việc khác (xem bảng
          phím tắt ở đó). Các phím Alt+T, C, H, V, G cần chọn một kiến nghị trước.
        </p>
      </>
    ),
  },
  {
    id: 'may-chu-tinh',
    title: 'Gửi lên máy chủ tổng hợp của tỉnh',
    body: (
      <>
        <p>
          Nếu tỉnh, thành phố có máy chủ tổng hợp để theo dõi kiến nghị của các xã, phường, mở <a href={href({ name: 'settings' })}>Thiết lập</a> →{' '}
          <strong>Gửi lên máy chủ tổng hợp của tỉnh</strong>, nhập <strong>Địa chỉ máy chủ tổng hợp</strong> (ví dụ kiennghi.tinh.gov.vn) và{' '}
          <strong>Khóa đơn vị</strong> do quản trị máy chủ cấp, rồi bấm <strong>Lưu</strong>.
        </p>
        <ul>
          <li>
            <strong>Chưa nhập đủ địa chỉ và khóa thì ứng dụng không gửi gì đi đâu.</strong> Không dùng máy chủ tổng hợp thì để trống; xóa địa chỉ và
            bấm Lưu là thôi gửi.
          </li>
          <li>
            Thứ được gửi: tệp hội nghị ({F.meetingFileExt}) của từng hội nghị <strong>đã kết thúc</strong>, đúng như tệp chép ra USB (có ảnh,
            không có ghi âm). Hội nghị chưa kết thúc không được gửi.
          </li>
          <li>
            Khi nào gửi: ngay sau khi lưu địa chỉ và khóa (mọi hội nghị đã kết thúc), khi kết thúc một hội nghị, và mỗi khi có thay đổi theo dõi
            kiến nghị của hội nghị đó (trạng thái, cơ quan, thời hạn, văn bản trả lời, ghi chú). Việc gửi được xếp hàng trên máy này; ứng dụng thử gửi
            ngay, rồi khoảng {F.hubTickMinutes} phút một lần. Mất mạng thì vẫn làm việc bình thường, có mạng lại thì tự gửi tiếp. Gửi lại nhiều lần
            cũng không bị trùng trên máy chủ.
          </li>
          <li>
            Dưới nút Lưu có dòng cho biết còn bao nhiêu hội nghị đang chờ gửi và lần gửi gần nhất; hội nghị gửi lỗi được liệt kê kèm lý do. Nút{' '}
            <strong>Gửi ngay</strong> gửi liền, không chờ.
          </li>
          <li>Khóa đơn vị không hiện lại trên màn hình (chỉ hiện vài ký tự cuối); muốn thay thì dán khóa mới.</li>
        </ul>
      </>
    ),
  },
  {
    id: 'sao-luu',
    title: 'Sao lưu và khôi phục',
    body: (
      <>
        <p>Ứng dụng tự sao lưu toàn bộ dữ liệu vào thư mục <code>{F.backupDir}</code> trong thư mục dữ liệu (đường dẫn đầy đủ ở mục dưới):</p>
        <ul>
          <li>khi bắt đầu và khi kết thúc một hội nghị, khi chốt biên bản;</li>
          <li>{F.periodicMinutes} phút một lần trong lúc hội nghị đang diễn ra (nếu có gì mới);</li>
          <li>mỗi ngày một bản khi mở ứng dụng; và bất cứ lúc nào anh/chị bấm “Tạo bản sao lưu ngay” ở mục Sao lưu.</li>
        </ul>
        <p>
          Ứng dụng giữ {F.keepLatest} bản mới nhất, cộng thêm mỗi ngày một bản trong {F.keepDays} ngày gần nhất. Mỗi bản đều được kiểm tra trước khi
          giữ lại, nên bản sao lưu nào có trong danh sách cũng mở được.
        </p>
        <p>
          Để khôi phục: mở mục <a href={href({ name: 'backups' })}>Sao lưu</a>, chọn bản cần dùng, bấm “Khôi phục bản này…” rồi xác nhận. Dữ liệu hiện tại được cất sang
          một bên trước khi khôi phục, nên không mất gì. Nếu tệp dữ liệu bị hỏng, ngay khi mở ứng dụng sẽ hiện màn hình khôi phục.
        </p>
        <p>Để phòng máy hỏng hay mất máy, thỉnh thoảng hãy chép thư mục sao lưu sang USB hoặc máy khác.</p>
      </>
    ),
  },
  {
    id: 'du-lieu',
    title: 'Dữ liệu nằm ở đâu',
    body: (
      <>
        <p>
          Mọi hội nghị, cả ảnh, nằm trong một tệp <code>{F.dbFile}</code> trong thư mục dữ liệu của ứng dụng, chỉ trên máy này; ghi âm hội trường nằm
          trong thư mục <code>{F.audioDir}</code> bên cạnh. Ứng dụng không cần mạng và không gửi gì đi đâu, trừ khi anh/chị nhập địa chỉ và khóa ở
          mục “Gửi lên máy chủ tổng hợp của tỉnh”.
        </p>
        <DataFolder />
        <p className="muted small">
          Mặc định: Windows <code>%APPDATA%\Thư ký Hội nghị</code>; macOS <code>~/Library/Application Support/Thư ký Hội nghị</code>; Linux{' '}
          <code>~/.config/Thư ký Hội nghị</code>.
        </p>
      </>
    ),
  },
  {
    id: 'tep-hoi-nghi',
    title: `Tệp hội nghị (${F.meetingFileExt})`,
    body: (
      <>
        <p>
          Một tệp <code>{F.meetingFileExt}</code> chứa trọn một hội nghị, cả ảnh: để mang sang máy khác, gửi cho đồng nghiệp hoặc lưu hồ sơ. Xuất
          tệp từ hội nghị đang mở; nhập tệp thì hội nghị được thêm vào danh sách, đại biểu trùng họ tên và đơn vị được nhận ra trong danh bạ.
        </p>
        <p>
          Tệp được kiểm tra kỹ trước khi nhập: tệp hỏng, bị cắt cụt, không phải tệp hội nghị hay được tạo bởi phiên bản mới hơn đều bị từ chối với
          thông báo rõ ràng, và dữ liệu đang có không bị động đến.
        </p>
      </>
    ),
  },
];

export function HelpScreen() {
  const refs = useRef(new Map<string, HTMLHeadingElement>());
  const go = (id: string) => {
    const h = refs.current.get(id);
    if (!h) return;
    h.scrollIntoView({ block: 'start' });
    // Focus follows, so a keyboard user continues reading from the section they chose.
    h.focus({ preventScroll: true });
  };
  return (
    <article className="help" data-testid="help">
      <header className="help-head">
        <div>
          <h1>Hướng dẫn sử dụng</h1>
          <p className="help-lead">
            Thư ký Hội nghị giúp ghi lại hội nghị đối thoại ngay trong hội trường, rồi làm tin bài, biên bản và bảng tổng hợp kiến nghị để xuất ra
            Word; sau hội nghị, theo dõi từng kiến nghị đến khi giải quyết xong. Ứng dụng chạy hoàn toàn trên máy này, không cần mạng; chữ gõ vào được
            lưu ngay.
          </p>
        </div>
        <button type="button" className="no-print" onClick={() => window.print()} data-testid="help-print">
          In hướng dẫn
        </button>
      </header>
      <nav className="help-toc no-print" aria-label="Mục lục hướng dẫn">
        <ol>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a
                href={href({ name: 'help' })}
                onClick={(e) => {
                  e.preventDefault();
                  go(s.id);
                }}
              >
                {s.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {SECTIONS.map((s) => (
        <section key={s.id} className="help-section" aria-labelledby={`help-${s.id}`}>
          <h2
            id={`help-${s.id}`}
            tabIndex={-1}
            ref={(el) => {
              if (el) refs.current.set(s.id, el);
              else refs.current.delete(s.id);
            }}
          >
            {s.title}
          </h2>
          {s.body}
        </section>
      ))}
    </article>
  );
}
