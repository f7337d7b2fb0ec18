// The in-app guide, offline and in Vietnamese: the four steps, the live screen's shortcuts (read
// from the live screen's own keyboard map, so the two never disagree), backups, and where the data
// is (the real folder, from 'app.info'). Anchors are buttons that scroll, not "#…" links, because
// the hash belongs to the router. Printable: the print stylesheet drops the chrome.
import { useRef, type ReactNode } from 'react';
import { useData } from '../lib/use-data';
import { href } from '../lib/router';
import { MEETING_SHORTCUTS, SHORTCUTS } from './live/shortcuts';
import { KeyCombos } from './live/KeyboardMap';
import { HELP_FACTS, joinPath } from './help/facts';
import { OpenSampleButton } from './setup/sample';
import './help/help.css';

type Section = { id: string; title: string; body: ReactNode };

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
      {mode === 'electron' ? (
        <dd className="muted small">Mở nhanh thư mục này: trình đơn Tệp → Mở thư mục dữ liệu.</dd>
      ) : (
        <dd className="muted small">Đang chạy ở chế độ trình duyệt: thư mục là nơi đã chọn khi chạy lệnh <code>npm run web</code>.</dd>
      )}
    </dl>
  );
}

const F = HELP_FACTS;

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
        <p>Thẻ <strong>4. Văn bản</strong> tạo ba văn bản từ những gì đã ghi:</p>
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
        </ul>
        <p>
          Sửa thẳng trên màn hình; các chỗ đã sửa được giữ lại. Nếu sau đó dữ liệu hội nghị thay đổi, ứng dụng báo và cho chọn “Thay bằng bản mới”
          hoặc “Giữ bản đã sửa”. Bấm <strong>Xuất Word (.docx)</strong> để có tệp in được ngay. Với tin bài, <strong>Sao chép HTML</strong> để dán vào trình soạn
          thảo của trang thông tin điện tử (kèm ảnh), hoặc sao chép dạng văn bản thuần.
        </p>
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
          Mọi hội nghị, cả ảnh, nằm trong một tệp <code>{F.dbFile}</code> trong thư mục dữ liệu của ứng dụng, chỉ trên máy này. Ứng dụng không cần
          mạng và không gửi gì đi đâu.
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
            Word. Ứng dụng chạy hoàn toàn trên máy này, không cần mạng; chữ gõ vào được lưu ngay.
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
