// The article's house style (issue 10): how the date and a person's name are written, each choice
// shown as the article will print it, redrawn on every change. Used by the first-run setup and by
// Thiết lập; the examples follow the unit's level (see levelExamples).
import './setup.css';
import { DATE_STYLES, NAME_STYLES, type Attendee, type HouseStyle } from '../../../../electron/shared/domain';
import { DATE_STYLE_LABELS, NAME_STYLE_LABELS, articleDateExample, nameExample } from './profile-form';

type Props = {
  style: HouseStyle;
  person: Pick<Attendee, 'fullName' | 'titles'>;
  onChange: (patch: Partial<HouseStyle>) => void;
};

export function ArticleStyleChoices({ style, person, onChange }: Props) {
  return (
    <>
      <fieldset className="setup-choice style-choice" data-testid="style-date">
        <legend>Ngày trong tin bài</legend>
        {DATE_STYLES.map((ds) => (
          <label key={ds}>
            <input type="radio" name="dateStyle" checked={style.dateStyle === ds} onChange={() => onChange({ dateStyle: ds })} data-testid={`style-date-${ds}`} />
            {DATE_STYLE_LABELS[ds]}: “{articleDateExample({ ...style, dateStyle: ds })}”
          </label>
        ))}
        <span className="style-toggles">
          <label>
            <input type="checkbox" checked={style.dateYear} onChange={(e) => onChange({ dateYear: e.target.checked })} data-testid="style-date-year" />
            Ghi cả năm
          </label>
          <label>
            <input type="checkbox" checked={style.padDayMonth} onChange={(e) => onChange({ padDayMonth: e.target.checked })} data-testid="style-pad-day-month" />
            Thêm số 0 trước ngày, tháng dưới 10 (05/08)
          </label>
        </span>
        <p className="style-example" data-testid="style-date-example">
          Tin bài mở đầu: <strong>“{articleDateExample(style)}, tại hội trường …”</strong>
        </p>
      </fieldset>
      <fieldset className="setup-choice style-choice" data-testid="style-name">
        <legend>Họ tên và chức danh trong tin bài</legend>
        {NAME_STYLES.map((ns) => (
          <label key={ns}>
            <input type="radio" name="nameStyle" checked={style.nameStyle === ns} onChange={() => onChange({ nameStyle: ns })} data-testid={`style-name-${ns}`} />
            {NAME_STYLE_LABELS[ns]}
          </label>
        ))}
        <p className="style-example" data-testid="style-name-example">
          Tin bài viết: <strong>“Dự hội nghị có {nameExample(style.nameStyle, person)}.”</strong>
        </p>
      </fieldset>
    </>
  );
}
