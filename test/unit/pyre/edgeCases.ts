/** Hand-picked patterns: every error CPython 3.11's re raises at compile time, and tricky valid ones. */
const r = String.raw;

/** Contract §5.4: the daemon's seed phrasebook patterns. */
export const SEED_PATTERNS: readonly string[] = [
  r`^(hey|hi|hello|yo|sup)[\s!.]*$`,
  r`^(thanks|thx|ty|tysm|thank you|appreciate it|appreciate that)[\s.!]*$`,
  r`^(ack|acknowledged|got it|k|ok|okay|kk|sounds good|cool)[\s.!]*$`,
  r`^(burn|cost|spend|how ?much|what'?s? my burn|what'?s? the burn|whats the spend)[\s.?!]*$`,
  r`^(status|state|how ?are (you|things)|how'?s? it going|whats up|what'?s? up)[\s.?!]*$`,
  r`^(any alerts|alerts|what'?s? alerting|what'?s? firing|whats firing)[\s.?!]*$`,
  r`^(health|service health|services?|service status)[\s.?!]*$`,
  r`^(are you paused|paused\?|you paused\??|are you stopped|stopped\??)[\s.?!]*$`,
];

const ESCAPES = [
  '\\', 'a\\', r`\q`, r`[\q]`, r`\8`, r`[\8]`, r`\c`, r`\e`, r`\E`, r`\g`, r`\_`, r`\-`, r`\é`, r`\😀`,
  r`\x`, r`\x4`, r`\x4g`, r`\x41`, r`[\x4]`, r`\u`, r`\u12`, r`\u123`, r`\u1234`, r`[\u12]`, r`\U`, r`\U0001F60`,
  r`\U0001F600`, r`\U00110000`, r`[\U00110000]`, r`\UFFFFFFFF`, r`\N`, r`\N{`, r`\N{}`, r`\N{EM DASH`, r`[\N{}]`,
  r`\Nx`, r`\N{EM DASH}`, r`\N{em dash}`, r`\N{Em Dash}`, r`\N{BOGUS NAME}`, r`[\N{BOGUS}]`, r`\N{LF}`, r`\N{NULL}`,
  r`\N{BYTE ORDER MARK}`, r`\N{VS256}`, r`\N{VS257}`, r`\N{LATIN CAPITAL LETTER GHA}`,
  r`\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}`, r`\N{KEYCAP NUMBER SIGN}`, r`\N{HANGUL SYLLABLE GA}`,
  r`\N{hangul syllable GA}`, r`\N{HANGUL SYLLABLE ga}`, r`\N{HANGUL SYLLABLE GAGG}`, r`\N{HANGUL SYLLABLE GX}`,
  r`\N{HANGUL SYLLABLE }`, r`\N{CJK UNIFIED IDEOGRAPH-4E00}`, r`\N{cjk unified ideograph-4E00}`,
  r`\N{CJK UNIFIED IDEOGRAPH-4e00}`, r`\N{CJK UNIFIED IDEOGRAPH-0041}`, r`\N{CJK UNIFIED IDEOGRAPH-20000}`,
  r`\N{CJK UNIFIED IDEOGRAPH-2A6DF}`, r`\N{CJK UNIFIED IDEOGRAPH-2A6E0}`, r`\N{CJK COMPATIBILITY IDEOGRAPH-F900}`,
  r`\N{TANGUT IDEOGRAPH-17000}`, r`\N{SNOWMAN}`, r`\N{GRINNING FACE}`, r`\N{` + 'A'.repeat(300) + '}',
  '\\N{\ud800}', r`\N{ EM DASH}`, r`\N{EM  DASH}`, r`\N{EM-DASH}`, r`\N{é}`, r`\0`, r`\00`, r`\000`, r`\0000`,
  r`\07`, r`\08`, r`\1`, r`\01`, r`\11`, r`\111`, r`\377`, r`\400`, r`\477`, r`\777`, r`\78`, r`\99`, r`[\0]`,
  r`[\1]`, r`[\7]`, r`[\77]`, r`[\377]`, r`[\400]`, r`[\9]`, r`\a\b\f\n\r\t\v`, r`[\a\b\f\n\r\t\v\\]`, r`\A\Z`,
  r`[\A]`, r`[\Z]`, r`[\B]`, r`[\b]`, r`\b\B`, r`\d\D\s\S\w\W`, r`[\d\D\s\S\w\W]`,
];

const SETS = [
  '[', '[a', '[^', '[^a', '[]', '[^]', '[]]', '[^]]', '[]a]', '[a]', '[^a]', '[ab]', '[a-z]', '[z-a]', '[a-Z]', '[A-z]',
  '[a-a]', '[a-]', '[-a]', '[-]', '[a-', '[a-\\', r`[\w-]`, r`[\w-a]`, r`[a-\w]`, r`[\d-\w]`, r`[\x41-\x5a]`,
  r`[\x5a-\x41]`, r`[\N{LATIN SMALL LETTER A}-\N{LATIN SMALL LETTER Z}]`, '[--]', '[---]', '[a--]', '[[]', '[[a]',
  '[a&&b]', '[a||b]', '[a~~b]', '[a--b]', '[😀-😂]', '[😂-😀]', '[é-ë]', '[\\]', '[\\]]', '[.]', '[$]', '[(]', '[)]',
  '[\n]', '[a\n', '[\\x00-\\U0010ffff]', '[^\\x00-\\U0010ffff]', '[\\s\\S]', '[^\\s\\S]', '[ab][cd]', '[a]{2}',
];

const REPEATS = [
  '*', '+', '?', '{1}', '{1,2}', 'a**', 'a*+', 'a++', 'a?+', 'a+++', 'a*?', 'a*??', 'a*?*', 'a{2}{3}', 'a{2}?', 'a{2}+',
  'a{2}*', '^*', '$+', r`\b?`, r`\A*`, r`\Z{2}`, '(?:^)*', '(?=a)*', '(?!a)+', '(?<=a)?', '(?:)*', '(|a)*', '()+',
  'a{', 'a{1', 'a{1,', 'a{1,2', 'a{,', 'a{,}', 'a{,2}', 'a{2,}', 'a{}', '{', '{}', 'x{}', 'a{a}', 'a{1a}', 'a{ 1}',
  'a{1 }', 'a{-1}', 'a{3,2}', 'a{2,2}', 'a{0,0}', 'a{1,0}', 'ab{10,1}', 'a{4294967294}', 'a{4294967295}',
  'a{99999999999}', 'a{1,4294967295}', 'a{4294967295,1}', 'a{0,4294967294}', 'a{4294967294,}', 'a{' + '9'.repeat(30) + '}',
  'a{' + '1'.repeat(4300) + '}', 'a{' + '1'.repeat(4301) + '}', 'a{2,' + '1'.repeat(5000) + '}', 'a{' + '0'.repeat(4301) + '}',
  '(?:a{3000000000}){3000000000}', 'x*{2}', '(a)(?(1)b)*', '(?P=x)*',
];

const GROUPS = [
  '(', ')', '())', '(()', 'a)', '(a))(', '(?', '(?P', '(?Px', '(?P<', '(?P<>', '(?P<>a)', '(?P<a', '(?P<a>', '(?P<a>a',
  '(?P<a>a)', '(?P<1>a)', '(?P<a1>a)', '(?P<_>a)', '(?P<é>a)', '(?P<a-b>a)', '(?P<a b>a)', '(?P<a\\b>a)', '(?P<ﬁ>a)',
  '(?P<𝔘>a)', '(?P<\u2118>a)', '(?P<a·>a)', '(?P<١>a)', '(?P<a>a)(?P<a>b)', '(?P<a>a)(?P<b>b)(?P<a>c)', '(?P=a)',
  '(?P=', '(?P=)', '(?P=a', '(?P=1)', '(?P<a>a)(?P=a)', '(?P<a>(?P=a))', '(?P<a>a)(?P=b)', '(?P<a>a)(?P=a', '(?P>a)',
  '(?<a>b)', '(?<', '(?<a', '(?<=', '(?<!', '(?<=a', '(?=', '(?!', '(?=a', '(?#', '(?#abc', '(?#abc)', '(?#a)b',
  '(?#(?#))', '(?:', '(?:a', '(?:a)', '(?>', '(?>a', '(?>a)', '(?>a*)b', '(?z)', '(?0)', '(?&a)', '(?|a)', '(?R)',
  '(?', '(?:)', '()', '(()())', r`(a)\1`, r`(a)\2`, r`\1(a)`, r`(a\1)`, r`(a)(b)\2`, r`(a)\10`, r`(a)\01`,
  r`((((((((((a))))))))))\10`, r`((((((((((a))))))))))\11`, r`(a)|\1`, r`(?:(a)|b)\1`,
];

const LOOKBEHIND = [
  '(?<=a)', '(?<=a|bc)', '(?<=a|b)', '(?<=a*)', '(?<=a+)', '(?<=a?)', '(?<=a{2})', '(?<=a{1,2})', '(?<=a{2,2})',
  '(?<=(a))', '(?<=(a)\\1)', '(a)(?<=\\1)', '(a*)(?<=\\1)', '(?<=(?P<x>a)(?P=x))', '(?P<x>a)(?<=(?P=x))',
  '(?<=(a)(?(1)b|c))', '(a)(?<=(?(1)b|cd))', '(a)(?<=(?(1)b|c))', '(?<=(?(1)b))(a)', '(?<=a)(?<!b)', '(?<!a*)',
  '(?<=\\b)', '(?<=^)', '(?<=$a)', '(?<=(?=aaa)a)', '(?<=(?>ab))', '(?<=a{4294967294})', '(?<=a{4294967294}a{4294967294})',
  '(?<=(?:a{3000000000}){3000000000})', '(?<=(?i:a))', '(?<=.)', '(?<=[ab])', '(?<=\\d\\w)', '(?<=(?<=a)b)',
  '(?<=a(?<=b*))', '(?<=a(?=b*))', '(?<=a(?!b*))', '(?<=x*+)', '(?<=(?:ab|cd))', '(?<=(?:ab|c))', '(?<=a|)',
];

const CONDITIONALS = [
  '(?(', '(?()', '(?(1', '(?(1)', '(?(1)a', '(?(1)a)', '(a)(?(1)a)', '(a)(?(1)a|b)', '(a)(?(1)a|b|c)', '(a)(?(1)|)',
  '(?(0)a)', '(?(-1)a)', '(?(+1)a)(b)', '(?( 1)a)(b)', '(?(1 )a)(b)', '(?(1_0)a)', '(?(a)b)', '(?P<a>x)(?(a)b)',
  '(?(1a)b)', '(?(a-b)c)', '(?(١)a)(b)', '(a)(?(١)a)', '(?(2)a)(b)', '(a)(?(2)a)(b)', '(?(3)a)(b)', '(?(1)a)(b)',
  '(?(1073741823)a)', '(?(1073741822)a)', '(?(99999999999999)a)', '(?(' + '1'.repeat(5000) + ')a)',
  '(a)(?(1)(?(1)b|c)|d)', '(?P<a>x)(?(a)(?P=a))', '(?(1)a|b)(a)', '((?(1)a))', '(?(1)(a))', '(a)(?(1)a|(?i)b)',
];

const FLAGS = [
  '(?i)a', '(?m)', '(?s)', '(?x)', '(?a)', '(?u)', '(?L)', '(?t)', '(?t)a', '(?t)a*', '(?t)a*?', '(?t)a*+', '(?t)(a)+',
  '(?t)(?<=a*)', '(?t)a*(?<=a*)', '(?iL)', '(?Li)', '(?au)', '(?ua)', '(?aa)', '(?a)(?u)', '(?a)(?u))', '(?u)(?a)',
  '(?a)(?a)', '(?imsx)', '(?imsxau)', '(?i', '(?i-', '(?i-m', '(?i-m:', '(?i-m:a', '(?i-m:a)', '(?i-i:a)',
  '(?-i)', '(?-', '(?-:a)', '(?--i:a)', '(?-a:a)', '(?-u:a)', '(?-L:a)', '(?-t:a)', '(?t:a)', '(?it:a)', '(?i-t:a)',
  '(?iz)', '(?i1)', '(?i\\)', '(?i-z:a)', '(?i-1:a)', '(?i-é:a)', '(?ié)', '(?iɐ)', '(?i:a)', '(?a:a)', '(?u:a)',
  '(?L:a)', '(?au:a)', '(?a:(?u:a))', 'a(?i)', 'a(?i)b', '(?i)(?m)a', '(a)(?i)', '(?:(?i))', '((?i))', '|(?i)',
  'a|(?i)b', '(?i)|(?m)', '(?#c)(?i)', '(?x) (?i)', '(?x)#c\n(?i)', '(?x)a(?i)', ' (?i)', '(?i) ', '(?x)  a  b  # c\n',
  '(?x)[ a ]', '(?x)[#]', '(?x)a # c', '(?x)a\\ b', '(?x)a{ 2}', '(?x)a { 2 }', '(?x)(?P< a>b)', '(?x)\\ ',
  '(?x:a b)', '(?-x:a b)', '(?x)(?-x:a b)', '(?x)(?-x: # (a)', '(?x)(?i: # (a\n))', '(?x)a|b (?i)', '(?x)#',
  '(?s).', '(?m)^$', '(?sm).^$', '(?ims-x:a)',
];

const MULTILINE_AND_UNICODE = [
  '(\n', 'a\n(', 'ab\ncd\n)', '\n\n\\q', 'a\nb\\', '(?x)\n(\n', '[\n', '\na{3,2}', 'é(', '😀(', '😀\\q', '😀[z-a]',
  '(?P<😀>a)', 'ab\n(?P<1>x)', '\n(?i)', 'a\n\n(?<=a*)', '😀\n😀\n\\N{BOGUS}', '\r\n(', '\u2028(', '\x00(', '\x00\\q',
  '\ud800', '\ud800(', 'a\udfff\\q', '[\ud800-\udfff]', '\uffff', '\u{10ffff}', '(?P<a>\ud800)', '\\N{\ud800}',
];

/** Deep nesting: CPython raises RecursionError (pyre models its recursion limit, see PythonStack). */
function nested(open: string, close: string, depth: number, inner = 'a'): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

const DEEP = [
  nested('(', ')', 100), nested('(', ')', 400), nested('(', ')', 493), nested('(', ')', 494), nested('(', ')', 495),
  nested('(', ')', 1000), nested('(?:', ')', 494), nested('(?:', ')', 495), nested('(?=', ')', 495),
  nested('(?<=', ')', 494), nested('(?>', ')', 495), nested('(?i:', ')', 494), nested('(?i:', ')', 495),
  '(a)' + nested('(?(1)', ')', 989), '(a)' + nested('(?(1)', ')', 990), '('.repeat(2000), ')'.repeat(2000),
  nested('(', ')', 494, '\\q'), nested('(', ')', 493, '\\q'), nested('[', ']', 600),
];

/** Issue #12's examples: where CPython 3.11, 3.12 and 3.13 disagree, and the daemon's HTTP 500s. */
export const VERSION_DEPENDENT = [
  '(a)(?(+1)b)', '(a)(?(١)b)', '(a)(?( 1)b)', r`\UFFFFFFFF`, r`\U80000000`, r`\U7FFFFFFF`, r`[\UFFFFFFFF]`, '(?t)a', '(?t:a)',
  '(?-t:a)', '(?it)', '^(a)?(?(1)b|c)$', '^(a)??(?(1)b|c)', '(?:(a)|x)(?(1)b|c)', '^(a)*(?(1)b|c)$',
  '(a)?(?(1)(b)?(?(2)c|d)|e)', '(?P<x>a)?(?(x)b|c)$', '(?:(a)|(b)|c)(?(1)x|(?(2)y|z))', '(a)?(b)?(?(1)(?(2)c|d)|e)', '[\ud800-a]', '(?\ud800)', '(?P<\ud800>a)', 'N{\udfff}', '[b-\udc00a]',
];

export const EDGE_CASES: readonly string[] = [
  ...VERSION_DEPENDENT,
  ...ESCAPES,
  ...SETS,
  ...REPEATS,
  ...GROUPS,
  ...LOOKBEHIND,
  ...CONDITIONALS,
  ...FLAGS,
  ...MULTILINE_AND_UNICODE,
  ...DEEP,
  '',
  'abc',
  'a|b|c',
  'ab|ac',
  'a|',
  '|',
  '||',
  '.*',
  '^$',
];
