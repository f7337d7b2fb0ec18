// Builds resources/samples-import/kien-nghi-truoc-hoi-nghi.xlsx: the 8 recommendations collected
// before the seed meeting (Bắc Từ Liêm, 18/10/2019) with their written answers, in the columns
// the import reads. Run: npx tsx scripts/build-import-samples.ts
import ExcelJS from 'exceljs';
import path from 'node:path';

const OUT = path.resolve('resources/samples-import/kien-nghi-truoc-hoi-nghi.xlsx');
const WHO = 'cán bộ, hội viên phụ nữ trên địa bàn Quận';

// The first five short phrases are the article's; the last three are plausible fill-ins (the
// article counts 08 but lists five).
const ROWS: [unit: string, topic: string, content: string, phrase: string, responder: string, answer: string][] = [
  ['Hội LHPN phường Cổ Nhuế 1', 'vốn vay', 'Đề nghị Quận tạo điều kiện cho nữ công nhân lao động được tiếp cận các nguồn vốn vay từ Ngân hàng chính sách xã hội để phát triển kinh tế gia đình.', 'Tạo điều kiện cho nữ công nhân lao động được tiếp cận các nguồn vốn vay từ Ngân hàng chính sách xã hội', 'Phòng giao dịch Ngân hàng chính sách xã hội Quận', 'Phòng giao dịch đã phối hợp với Hội LHPN Quận rà soát nhu cầu vay vốn; nữ công nhân có hộ khẩu hoặc tạm trú dài hạn trên địa bàn được vay qua tổ tiết kiệm và vay vốn do Hội phụ nữ quản lý.'],
  ['Hội LHPN phường Phú Diễn', 'giáo dục', 'Đề nghị có cơ chế, chính sách tạo điều kiện cho con của người lao động tại các doanh nghiệp hiện đang tạm trú trên địa bàn được học tại các trường công lập.', 'có cơ chế, chính sách tạo điều kiện cho con của người lao động tại các doanh nghiệp hiện đang tạm trú trên địa bàn được học tại các trường công lập', 'Phòng Giáo dục và Đào tạo', 'Năm học 2019 – 2020, các trường công lập trên địa bàn Quận đã tiếp nhận học sinh là con công nhân tạm trú theo chỉ tiêu được giao; Phòng tiếp tục tham mưu UBND Quận bổ sung trường lớp tại các phường đông dân cư.'],
  ['Hội LHPN phường Xuân Đỉnh', 'vốn vay', 'Đề nghị tăng cường thêm nguồn vốn cho vay từ Ngân hàng chính sách xã hội để giải quyết việc làm cho phụ nữ.', 'tăng cường thêm nguồn vốn cho vay từ Ngân hàng chính sách xã hội để giải quyết việc làm cho phụ nữ', 'UBND Quận', 'UBND Quận đã bổ sung nguồn vốn ủy thác từ ngân sách Quận sang Ngân hàng chính sách xã hội để cho vay giải quyết việc làm, ưu tiên hội viên phụ nữ.'],
  ['Hội LHPN phường Đông Ngạc', 'kinh phí hoạt động', 'Đề nghị bổ sung thêm nguồn kinh phí hoạt động cho Hội phụ nữ phường.', 'bổ sung thêm nguồn kinh phí hoạt động cho Hội phụ nữ phường', 'Phòng Tài chính – Kế hoạch', 'Kinh phí hoạt động của Hội phụ nữ phường được bố trí trong dự toán ngân sách phường hằng năm; Phòng hướng dẫn các phường cân đối bổ sung theo khả năng ngân sách.'],
  ['Hội LHPN phường Thụy Phương', 'môi trường', 'Đề nghị Quận tập trung đẩy nhanh tiến độ thực hiện các dự án để hạn chế tình trạng ô nhiễm môi trường, mất mỹ quan đô thị.', 'Quận tập trung đẩy nhanh tiến độ thực hiện các dự án để hạn chế tình trạng ô nhiễm môi trường, mất mỹ quan đô thị', 'Phòng Tài nguyên và Môi trường', 'UBND Quận đã chỉ đạo rà soát các dự án chậm triển khai, yêu cầu chủ đầu tư rào chắn, vệ sinh mặt bằng và xử lý dứt điểm các điểm tập kết rác tự phát.'],
  ['Hội LHPN phường Tây Tựu', 'làng nghề', 'Đề nghị hỗ trợ hội viên trồng hoa tham gia các lớp tập huấn kỹ thuật và xúc tiến tiêu thụ sản phẩm.', 'hỗ trợ hội viên trồng hoa tập huấn kỹ thuật và tiêu thụ sản phẩm', 'Phòng Kinh tế', 'Phòng Kinh tế phối hợp Hội LHPN Quận tổ chức các lớp tập huấn kỹ thuật trồng hoa và giới thiệu sản phẩm tại hội chợ nông sản của Thành phố.'],
  ['Hội LHPN phường Minh Khai', 'an ninh trật tự', 'Đề nghị tăng cường đảm bảo an ninh trật tự tại các khu nhà trọ công nhân.', 'tăng cường đảm bảo an ninh trật tự tại các khu nhà trọ công nhân', 'Công an Quận', 'Công an Quận đã chỉ đạo công an các phường tăng cường kiểm tra tạm trú, tuần tra tại các khu nhà trọ, phối hợp Hội phụ nữ tuyên truyền phòng chống tội phạm.'],
  ['Hội LHPN phường Liên Mạc', 'y tế', 'Đề nghị tổ chức khám sức khỏe sinh sản định kỳ cho nữ công nhân lao động.', 'tổ chức khám sức khỏe sinh sản định kỳ cho nữ công nhân lao động', 'Trung tâm Y tế Quận', 'Trung tâm Y tế Quận đã đưa nội dung khám sức khỏe sinh sản cho nữ công nhân vào kế hoạch năm 2020, phối hợp Hội LHPN Quận tổ chức tại các phường.'],
];

async function main(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thư ký Hội nghị';
  const ws = wb.addWorksheet('Kiến nghị trước hội nghị');
  ws.columns = [
    { header: 'STT', width: 5 },
    { header: 'Người kiến nghị', width: 28 },
    { header: 'Đơn vị', width: 26 },
    { header: 'Lĩnh vực', width: 16 },
    { header: 'Nội dung kiến nghị', width: 60 },
    { header: 'Cụm tóm tắt', width: 50 },
    { header: 'Người/cơ quan trả lời', width: 30 },
    { header: 'Nội dung trả lời', width: 70 },
  ];
  ws.getRow(1).font = { bold: true };
  ROWS.forEach((r, i) => ws.addRow([i + 1, WHO, ...r]));
  ws.eachRow((row) => (row.alignment = { wrapText: true, vertical: 'top' }));
  await wb.xlsx.writeFile(OUT);
  console.log(`Đã ghi ${OUT}`);
}

void main();
