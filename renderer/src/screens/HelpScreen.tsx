export function HelpScreen() {
  return (
    <article className="help">
      <h1>Hướng dẫn sử dụng</h1>
      <h2>1. Chuẩn bị (trước ngày họp)</h2>
      <p>Bấm “Hội nghị mới”, ghi thông tin hội nghị, thêm đại biểu từ danh bạ (gõ vài chữ cái, có dấu hay không dấu đều được) và nhập các kiến nghị đã thu thập trước hội nghị cùng văn bản trả lời.</p>
      <h2>2. Trực tiếp (trong hội trường)</h2>
      <p>Mọi chữ gõ vào được tự động lưu sau chưa đầy nửa giây; không có nút Lưu. Góc trên bên phải hiện “Đã lưu” kèm giờ. Nếu ổ đĩa đầy hay không ghi được, ứng dụng báo bằng chữ đỏ, giữ nguyên nội dung trên màn hình và tự lưu lại.</p>
      <h2>3. Kết thúc và 4. Văn bản</h2>
      <p>Ghi giờ kết thúc, xem danh sách việc còn thiếu, rồi tạo tin bài, biên bản và bảng tổng hợp kiến nghị, sửa lại nếu cần và xuất ra Word.</p>
      <h2>Dữ liệu nằm ở đâu</h2>
      <p>Toàn bộ dữ liệu nằm trong một tệp trên máy này (thư mục dữ liệu của ứng dụng); không gửi đi đâu qua mạng.</p>
    </article>
  );
}
