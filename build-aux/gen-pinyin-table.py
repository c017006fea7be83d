#!/usr/bin/env python3
# gen-pinyin-table.py — writes src/core/common/od-pinyin-table.inc from Unihan
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reads Debian's unicode-data Unihan_Readings.txt.bz2 and keeps, for every
# code point with a Mandarin reading, the usual reading without tone and the
# initial letters of all its readings.  Run it from the source root:
#
#   python3 build-aux/gen-pinyin-table.py
#
# Python 3 standard library only, so it runs on a bare Debian 12.

import argparse
import bz2
import re
import sys
import unicodedata
from pathlib import Path

DEFAULT_INPUT = '/usr/share/unicode/Unihan_Readings.txt.bz2'
DEFAULT_COPYRIGHT = '/usr/share/doc/unicode-data/copyright'
DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / 'src' / 'core' / 'common' / 'od-pinyin-table.inc'

# Where the usual reading comes from, in order of preference: kMandarin is the
# customary reading (its first value is the PRC one); the others only matter
# for the two code points that kMandarin lacks.  kHanyuPinlu comes next because
# it is ordered by frequency.
USUAL_FIELDS = ('kMandarin', 'kHanyuPinlu', 'kTGHZ2013', 'kXHC1983', 'kHanyuPinyin')

# Readings in present-day use: 通用规范汉字字典 (kTGHZ2013), the frequency
# counts (kHanyuPinlu) and both values of kMandarin.  kXHC1983 and above all
# kHanyuPinyin (汉语大字典) add historical readings, e.g. 市 fú, that would
# crowd the real polyphones (行 háng, 会 kuài) out of the search terms.
COMMON_FIELDS = ('kMandarin', 'kTGHZ2013', 'kHanyuPinlu')

READING_FIELDS = ('kMandarin', 'kHanyuPinlu', 'kHanyuPinyin', 'kXHC1983', 'kTGHZ2013')

# Generated lines are filled up to this many columns (.editorconfig says 100).
WIDTH = 99


def toneless(reading):
    """'lǜ' → 'lv', 'ê̄' → 'e', 'ḿ' → 'm': lowercase ASCII, ü spelled v."""
    s = unicodedata.normalize('NFD', reading.lower()).replace('u\u0308', 'v')
    s = ''.join(ch for ch in s if not unicodedata.combining(ch))
    if not re.fullmatch('[a-z]+', s):
        raise ValueError(f'unexpected reading {reading!r}')
    return s


def field_readings(field, value):
    """The readings in one field value, in the order the field gives them."""
    readings = []
    for item in value.split():
        if field == 'kMandarin':
            readings.append(item)
        elif field == 'kHanyuPinlu':
            readings.append(re.sub(r'\(\d+\)$', '', item))      # 'lè(283)'
        else:
            # 'LOCATION[,LOCATION…]:reading[,reading…]'
            readings.extend(item.split(':', 1)[1].split(','))
    return [toneless(r) for r in readings]


def read_unihan(path):
    """Returns ({code point: {field: [toneless readings]}}, version, date)."""
    chars = {}
    version = date = None
    with bz2.open(path, 'rt', encoding='utf-8') as f:
        for line in f:
            if line.startswith('#'):
                m = re.match(r'# Unicode version: (\S+)', line)
                if m:
                    version = m.group(1)
                m = re.match(r'# Date: (.+)', line)
                if m:
                    date = m.group(1).strip()
                continue
            line = line.rstrip('\n')
            if not line:
                continue
            cp, field, value = line.split('\t', 2)
            if field in READING_FIELDS:
                chars.setdefault(int(cp[2:], 16), {})[field] = field_readings(field, value)
    if version is None:
        raise ValueError(f'{path}: no "Unicode version" line')
    return chars, version, date


def read_permission_notice(path):
    """The copyright and permission notice of the Unicode license, verbatim.

    The license asks for the notice to accompany every copy, so it is copied
    from the unicode-data package rather than paraphrased."""
    text = Path(path).read_text(encoding='utf-8')
    start = text.find('COPYRIGHT AND PERMISSION NOTICE')
    end = text.find('Unicode and the Unicode logo are trademarks')
    if start < 0 or end < 0:
        raise ValueError(f'{path}: Unicode permission notice not found')
    lines = [l.strip() for l in text[start:end].strip().splitlines()]
    # Re-flow the paragraphs; the Debian file breaks lines at random places.
    paragraphs, current = [], []
    for l in lines:
        if l:
            current.append(l)
        elif current:
            paragraphs.append(' '.join(current))
            current = []
    if current:
        paragraphs.append(' '.join(current))
    return paragraphs


def wrap(text, width, prefix):
    out, line = [], ''
    for word in text.split():
        if line and len(prefix) + len(line) + 1 + len(word) > width:
            out.append(prefix + line)
            line = word
        else:
            line = f'{line} {word}' if line else word
    if line:
        out.append(prefix + line)
    return out


def initials_mask(syllables):
    mask = 0
    for s in syllables:
        mask |= 1 << (ord(s[0]) - ord('a'))
    return mask


def build(chars):
    """Returns (code points, entry per code point, entries, pool, offsets).

    An entry is (syllable, all-readings mask, common-readings mask); entries
    are deduplicated, so one uint16 per code point is enough."""
    codepoints = sorted(chars)
    entry_ids = {}
    entries = []
    per_cp = []
    for cp in codepoints:
        fields = chars[cp]
        usual = next(fields[f][0] for f in USUAL_FIELDS if fields.get(f))
        every = [usual] + [r for f in READING_FIELDS for r in fields.get(f, [])]
        common = [usual] + [r for f in COMMON_FIELDS for r in fields.get(f, [])]
        entry = (usual, initials_mask(every), initials_mask(common))
        if entry not in entry_ids:
            entry_ids[entry] = len(entries)
            entries.append(entry)
        per_cp.append(entry_ids[entry])

    syllables = sorted({e[0] for e in entries})
    offsets = {}
    pool_len = 0
    for s in syllables:
        offsets[s] = pool_len
        pool_len += len(s) + 1
    if len(entries) > 0xffff or pool_len > 0xffff:
        raise ValueError('table outgrew its uint16 indexes')
    return codepoints, per_cp, entries, syllables, offsets


def c_array(ctype, name, values, fmt=str):
    # Densely packed: the table is read by the compiler, not by people.
    lines = [f'static const {ctype} {name}[{len(values)}] = {{']
    line = ' '
    for v in values:
        piece = fmt(v) + ','
        if len(line) + len(piece) > WIDTH:
            lines.append(line)
            line = ' '
        line += piece
    lines.append(line)
    lines.append('};')
    return lines


def generate(args):
    chars, version, date = read_unihan(args.input)
    notice = read_permission_notice(args.copyright)
    codepoints, per_cp, entries, syllables, offsets = build(chars)

    out = []
    out.append('/* od-pinyin-table.inc — Mandarin readings of Han characters, for od-pinyin.c')
    out.append(' *')
    out.append(' * GENERATED FILE, do not edit.  Made by build-aux/gen-pinyin-table.py from')
    out.append(" * Debian's unicode-data package, /usr/share/unicode/Unihan_Readings.txt.bz2,")
    out.append(f' * Unicode version {version}' + (f' (file dated {date}).' if date else '.'))
    out.append(' * To regenerate, from the source root:')
    out.append(' *')
    out.append(' *   python3 build-aux/gen-pinyin-table.py')
    out.append(' *')
    out.append(' * Modified data: this is not the Unihan file but a table derived from its')
    out.append(' * kMandarin, kHanyuPinlu, kHanyuPinyin, kXHC1983 and kTGHZ2013 fields,')
    out.append(' * reduced to toneless syllables (ü written v) and sets of initial letters.')
    out.append(' *')
    out.append(' * Unihan data © 2022 Unicode®, Inc.  Used under the Unicode, Inc. license')
    out.append(' * agreement for data files and software, as shipped by Debian in')
    out.append(' * /usr/share/doc/unicode-data/copyright, whose permission notice follows:')
    for p in notice:
        out.append(' *')
        out.extend(wrap(p, 92, ' *   '))
    out.append(' *')
    out.append(' * Layout: od_pinyin_codepoints is sorted for binary search;')
    out.append(' * od_pinyin_codepoint_entry[i] indexes the deduplicated entries, each a')
    out.append(' * byte offset into od_pinyin_syllable_pool (NUL-separated syllables) and')
    out.append(' * two masks, bit n for letter \'a\' + n: the initials of all readings and')
    out.append(' * those of the readings in present-day use (kMandarin, kTGHZ2013,')
    out.append(' * kHanyuPinlu).  Both masks include the usual reading\'s initial.')
    out.append(' */')
    out.append('')
    out.append(f'#define OD_PINYIN_N_CODEPOINTS {len(codepoints)}')
    out.append(f'#define OD_PINYIN_N_ENTRIES {len(entries)}')
    out.append(f'#define OD_PINYIN_N_SYLLABLES {len(syllables)}')
    out.append('')
    out.extend(c_array('guint32', 'od_pinyin_codepoints', codepoints))
    out.append('')
    out.extend(c_array('guint16', 'od_pinyin_codepoint_entry', per_cp))
    out.append('')
    out.extend(c_array('guint16', 'od_pinyin_entry_syllable', [offsets[e[0]] for e in entries]))
    out.append('')
    out.extend(c_array('guint32', 'od_pinyin_entry_initials', [e[1] for e in entries], hex))
    out.append('')
    out.extend(c_array('guint32', 'od_pinyin_entry_common_initials',
                       [e[2] for e in entries], hex))
    out.append('')
    out.append('static const char od_pinyin_syllable_pool[] =')
    line = ' '
    for s in syllables:
        piece = f' "{s}\\0"'
        if len(line) + len(piece) > WIDTH:
            out.append(line)
            line = ' '
        line += piece
    out.append(line + ';')

    text = '\n'.join(out) + '\n'
    Path(args.output).write_text(text, encoding='utf-8')
    print(f'{args.output}: {len(codepoints)} code points, {len(entries)} entries, '
          f'{len(syllables)} syllables, {len(text.encode())} bytes', file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(
        description="Writes od-pinyin-table.inc from Unihan_Readings.txt.bz2.")
    parser.add_argument('--input', default=DEFAULT_INPUT,
                        help='Unihan_Readings.txt.bz2 (default: %(default)s)')
    parser.add_argument('--copyright', default=DEFAULT_COPYRIGHT,
                        help='file holding the Unicode license (default: %(default)s)')
    parser.add_argument('--output', default=str(DEFAULT_OUTPUT),
                        help='table to write (default: src/core/common/od-pinyin-table.inc)')
    generate(parser.parse_args())


if __name__ == '__main__':
    main()
