// The one suggestion rule lives in electron/shared so the documents and the screen agree.
export { suggestShortPhrase } from '../../../electron/shared/vi/short-phrase';
