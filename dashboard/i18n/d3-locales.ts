import type { FormatLocaleDefinition, TimeLocaleDefinition } from 'd3';

// The d3 locale definitions, inline so the app needs no locale fetch (zh-CN as d3-format and
// d3-time-format ship it; en-US for the switch).

/** Number formats for zh-CN. */
export const ZH_NUMBER: FormatLocaleDefinition = { decimal: '.', thousands: ',', grouping: [3], currency: ['¥', ''] };

/** Date formats for zh-CN. */
export const ZH_TIME: TimeLocaleDefinition = {
  dateTime: '%x %A %X',
  date: '%Y年%-m月%-d日',
  time: '%H:%M:%S',
  periods: ['上午', '下午'],
  days: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  shortDays: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  months: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
  shortMonths: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
};

/** Number formats for en-US. */
export const EN_NUMBER: FormatLocaleDefinition = { decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''] };

/** Date formats for en-US. */
export const EN_TIME: TimeLocaleDefinition = {
  dateTime: '%x, %X',
  date: '%-m/%-d/%Y',
  time: '%-I:%M:%S %p',
  periods: ['AM', 'PM'],
  days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  shortDays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  months: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  shortMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};
