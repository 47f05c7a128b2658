/* SPDX-License-Identifier: ISC */
/*
 * Picks the input's charset (--encoding, BOM, strict UTF-8, <meta charset>,
 * windows-1252) and converts it to UTF-8 with iconv, in 64 KiB chunks, then
 * normalises line ends, drops C0 controls and composes to NFC.  The only
 * file that includes <iconv.h>.
 */
#include <assert.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

#include "artparse.h"
#include "arena.h"
#include "buf.h"
#include "doc.h"
#include "decode.h"
#include "sniff.h"
#include "utf8.h"

#define CHUNK		(64 * 1024)	/* bytes fed to the decoder at once */
#define NFC_WINDOW	4096	/* bytes checked, and composed, at a time */
#define NFC_SEGMENT	(64 * 1024)	/* text composed at once */
#define PRESCAN		1024		/* bytes searched for <meta charset> */
#define HEADSCAN	(64 * 1024)	/* ... then in the <head>, at most */

static const char cs_utf8[] = "UTF-8";
static const char cs_1252[] = "windows-1252";
static const char cs_utf16le[] = "UTF-16LE";
static const char cs_utf16be[] = "UTF-16BE";
static const char replacement[] = "\xef\xbf\xbd";	/* U+FFFD */

/*
 * Charset labels, after the WHATWG Encoding Standard: latin-1 and ASCII
 * labels mean windows-1252 as in browsers, because French pages labelled
 * latin-1 contain ’ « » œ €.  Names are ones iconv accepts.
 */
static const struct label {
	const char	*label;		/* lower case */
	const char	*name;
} labels[] = {
	{ "utf-8", cs_utf8 },
	{ "utf8", cs_utf8 },
	{ "unicode-1-1-utf-8", cs_utf8 },
	{ "unicode11utf8", cs_utf8 },
	{ "unicode20utf8", cs_utf8 },
	{ "x-unicode20utf8", cs_utf8 },
	{ "windows-1252", cs_1252 },
	{ "cp1252", cs_1252 },
	{ "x-cp1252", cs_1252 },
	{ "iso-8859-1", cs_1252 },
	{ "iso8859-1", cs_1252 },
	{ "iso88591", cs_1252 },
	{ "iso_8859-1", cs_1252 },
	{ "iso_8859-1:1987", cs_1252 },
	{ "iso-ir-100", cs_1252 },
	{ "csisolatin1", cs_1252 },
	{ "latin1", cs_1252 },
	{ "l1", cs_1252 },
	{ "cp819", cs_1252 },
	{ "ibm819", cs_1252 },
	{ "us-ascii", cs_1252 },
	{ "ascii", cs_1252 },
	{ "ansi_x3.4-1968", cs_1252 },
	{ "iso-8859-15", "ISO-8859-15" },
	{ "iso8859-15", "ISO-8859-15" },
	{ "iso885915", "ISO-8859-15" },
	{ "iso_8859-15", "ISO-8859-15" },
	{ "csisolatin9", "ISO-8859-15" },
	{ "latin9", "ISO-8859-15" },
	{ "l9", "ISO-8859-15" },
	{ "iso-8859-2", "ISO-8859-2" },
	{ "iso8859-2", "ISO-8859-2" },
	{ "iso_8859-2", "ISO-8859-2" },
	{ "latin2", "ISO-8859-2" },
	{ "l2", "ISO-8859-2" },
	{ "iso-8859-3", "ISO-8859-3" },
	{ "iso-8859-4", "ISO-8859-4" },
	{ "iso-8859-5", "ISO-8859-5" },
	{ "iso-8859-6", "ISO-8859-6" },
	{ "iso-8859-7", "ISO-8859-7" },
	{ "iso-8859-8", "ISO-8859-8" },
	{ "iso-8859-10", "ISO-8859-10" },
	{ "iso-8859-13", "ISO-8859-13" },
	{ "iso-8859-14", "ISO-8859-14" },
	{ "iso-8859-16", "ISO-8859-16" },
	{ "windows-1250", "WINDOWS-1250" },
	{ "cp1250", "WINDOWS-1250" },
	{ "windows-1251", "WINDOWS-1251" },
	{ "cp1251", "WINDOWS-1251" },
	{ "windows-1253", "WINDOWS-1253" },
	{ "windows-1254", "WINDOWS-1254" },
	{ "windows-1255", "WINDOWS-1255" },
	{ "windows-1256", "WINDOWS-1256" },
	{ "windows-1257", "WINDOWS-1257" },
	{ "windows-1258", "WINDOWS-1258" },
	{ "koi8-r", "KOI8-R" },
	{ "koi8-u", "KOI8-U" },
	{ "ibm866", "IBM866" },
	{ "macintosh", "MACINTOSH" },
	{ "mac", "MACINTOSH" },
	{ "x-mac-roman", "MACINTOSH" },
	{ "shift_jis", "SHIFT_JIS" },
	{ "shift-jis", "SHIFT_JIS" },
	{ "sjis", "SHIFT_JIS" },
	{ "euc-jp", "EUC-JP" },
	{ "iso-2022-jp", "ISO-2022-JP" },
	{ "gbk", "GBK" },
	{ "gb2312", "GBK" },
	{ "gb18030", "GB18030" },
	{ "big5", "BIG5" },
	{ "euc-kr", "EUC-KR" },
	{ "utf-16le", cs_utf16le },
	{ "utf-16be", cs_utf16be },
	{ "utf-16", "UTF-16" },
};

static const struct magic {
	const char	*bytes;
	size_t		 len;
} magics[] = {
	{ "\x89PNG\r\n\x1a\n", 8 },
	{ "GIF87a", 6 },
	{ "GIF89a", 6 },
	{ "\xff\xd8\xff", 3 },		/* JPEG */
	{ "\x1f\x8b", 2 },		/* gzip */
	{ "PK\x03\x04", 4 },		/* zip */
	{ "PK\x05\x06", 4 },		/* empty zip */
	{ "%PDF-", 5 },
};

/* What utf8_scan() found at the start of its input. */
enum u8 {
	U8_OK,		/* a valid sequence of *len bytes */
	U8_SHORT,	/* a valid prefix cut by the end of input */
	U8_BAD		/* invalid; *len bytes form its maximal subpart */
};

/* The text clean-up state carried from one decoded chunk to the next. */
struct norm {
	size_t		 done;		/* text[0..done) is in NFC */
	bool		 cr;		/* last byte was a CR, turned into LF */
	bool		 started;	/* past a leading U+FEFF */
	int32_t		*u32;		/* utf8proc scratch, in the arena */
	size_t		 u32cap;	/* code points it holds */
};

static unsigned char
lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static bool
is_alpha(unsigned char c)
{
	c = lower(c);
	return c >= 'a' && c <= 'z';
}

static bool
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

/* Does p[0..n) start with "w" (lower case), ignoring case? */
static bool
starts(const unsigned char *p, size_t n, const char *w)
{
	size_t i;

	for (i = 0; w[i] != '\0'; i++)
		if (i >= n || lower(p[i]) != (unsigned char)w[i])
			return false;
	return true;
}

static bool
equals(const unsigned char *p, size_t n, const char *w)
{
	return strlen(w) == n && starts(p, n, w);
}

static const char *
label_lookup(const unsigned char *s, size_t n)
{
	size_t i;

	while (n > 0 && is_space(*s)) {
		s++;
		n--;
	}
	while (n > 0 && is_space(s[n - 1]))
		n--;
	for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (equals(s, n, labels[i].label))
			return labels[i].name;
	return NULL;
}

/* Code unit size: how far to skip over an invalid sequence. */
static size_t
unit_of(const char *cs)
{
	const unsigned char *s = (const unsigned char *)cs;
	size_t n = strlen(cs);

	if (starts(s, n, "utf-16") || starts(s, n, "utf16") ||
	    starts(s, n, "ucs-2") || starts(s, n, "ucs2"))
		return 2;
	if (starts(s, n, "utf-32") || starts(s, n, "utf32") ||
	    starts(s, n, "ucs-4") || starts(s, n, "ucs4"))
		return 4;
	return 1;
}

static enum u8
utf8_scan(const unsigned char *p, size_t n, size_t *len)
{
	unsigned char c = p[0], lo = 0x80, hi = 0xBF;
	size_t need, i;

	*len = 1;
	if (c < 0x80)
		return U8_OK;
	if (c < 0xC2 || c > 0xF4)
		return U8_BAD;
	if (c < 0xE0)
		need = 2;
	else if (c < 0xF0) {
		need = 3;
		if (c == 0xE0)
			lo = 0xA0;		/* overlong */
		else if (c == 0xED)
			hi = 0x9F;		/* surrogates */
	} else {
		need = 4;
		if (c == 0xF0)
			lo = 0x90;		/* overlong */
		else if (c == 0xF4)
			hi = 0x8F;		/* above U+10FFFF */
	}
	for (i = 1; i < need; i++) {
		*len = i;
		if (i >= n)
			return U8_SHORT;
		if (p[i] < lo || p[i] > hi)
			return U8_BAD;
		lo = 0x80;
		hi = 0xBF;
	}
	*len = need;
	return U8_OK;
}

/* Index of the first non-ASCII byte at or after i, word by word. */
static size_t
skip_ascii(const unsigned char *p, size_t n, size_t i)
{
	uint64_t w;

	while (n - i >= 8) {
		memcpy(&w, p + i, 8);
		if (w & UINT64_C(0x8080808080808080))
			break;
		i += 8;
	}
	while (i < n && p[i] < 0x80)
		i++;
	return i;
}

bool
ap_utf8_valid(const unsigned char *p, size_t n)
{
	size_t i = 0, len;

	while ((i = skip_ascii(p, n, i)) < n) {
		if (utf8_scan(p + i, n - i, &len) != U8_OK)
			return false;
		i += len;
	}
	return true;
}

/*
 * A value at p[i..n): quoted with " or ', or bare up to white space or
 * "stop".  Sets *v and *vlen; *open, when not NULL, tells whether a quote
 * was left unclosed.  Returns the index past the value.
 */
static size_t
value_at(const unsigned char *p, size_t n, size_t i, unsigned char stop,
    const unsigned char **v, size_t *vlen, bool *open)
{
	size_t start;
	unsigned char q;

	if (open != NULL)
		*open = false;
	if (i < n && (p[i] == '"' || p[i] == '\'')) {
		q = p[i++];
		start = i;
		while (i < n && p[i] != q)
			i++;
		*v = p + start;
		*vlen = i - start;
		if (i < n)
			return i + 1;
		if (open != NULL)
			*open = true;
		return i;
	}
	start = i;
	while (i < n && !is_space(p[i]) && p[i] != stop)
		i++;
	*v = p + start;
	*vlen = i - start;
	return i;
}

/*
 * One attribute of a tag at p[*ip..n), as the WHATWG prescan reads it.
 * Returns false at '>' or the end of the buffer.
 */
static bool
get_attr(const unsigned char *p, size_t n, size_t *ip,
    const unsigned char **name, size_t *namelen,
    const unsigned char **val, size_t *vallen)
{
	size_t i = *ip, start;

	while (i < n && (is_space(p[i]) || p[i] == '/'))
		i++;
	if (i >= n || p[i] == '>') {
		*ip = i;
		return false;
	}
	start = i;
	while (i < n && !is_space(p[i]) && p[i] != '/' && p[i] != '>' &&
	    (p[i] != '=' || i == start))
		i++;
	*name = p + start;
	*namelen = i - start;
	*val = NULL;
	*vallen = 0;
	while (i < n && is_space(p[i]))
		i++;
	if (i < n && p[i] == '=') {
		i++;
		while (i < n && is_space(p[i]))
			i++;
		i = value_at(p, n, i, '>', val, vallen, NULL);
	}
	*ip = i;
	return true;
}

/* The charset in a Content-Type value: "text/html; charset=X". */
static const char *
content_charset(const unsigned char *p, size_t n)
{
	const unsigned char *v;
	size_t i = 0, vlen;
	bool open;

	for (;;) {
		while (i < n && !starts(p + i, n - i, "charset"))
			i++;
		if (i >= n)
			return NULL;
		i += 7;
		while (i < n && is_space(p[i]))
			i++;
		if (i < n && p[i] == '=')
			break;
	}
	i++;
	while (i < n && is_space(p[i]))
		i++;
	value_at(p, n, i, ';', &v, &vlen, &open);
	return open ? NULL : label_lookup(v, vlen);
}

/*
 * The attributes of one <meta>, from *ip; the charset it declares, or
 * NULL.  A content charset counts only with http-equiv="content-type".
 */
static const char *
meta_charset(const unsigned char *p, size_t n, size_t *ip)
{
	const unsigned char *name, *val;
	const char *cs = NULL;
	size_t namelen, vallen;
	bool pragma = false, need_pragma = false, seen_cs = false,
	    seen_content = false;

	while (get_attr(p, n, ip, &name, &namelen, &val, &vallen)) {
		if (equals(name, namelen, "http-equiv")) {
			if (val != NULL && equals(val, vallen, "content-type"))
				pragma = true;
		} else if (equals(name, namelen, "content") && !seen_content) {
			seen_content = true;
			if (cs == NULL && val != NULL &&
			    (cs = content_charset(val, vallen)) != NULL)
				need_pragma = true;
		} else if (equals(name, namelen, "charset") && !seen_cs) {
			seen_cs = true;
			cs = val != NULL ? label_lookup(val, vallen) : NULL;
			need_pragma = false;
		}
	}
	if (need_pragma && !pragma)
		return NULL;
	return cs;
}

/* ASCII-compatible bytes cannot really be UTF-16: the page means UTF-8. */
static const char *
sniffed(const char *cs)
{
	return cs != NULL && unit_of(cs) == 2 ? cs_utf8 : cs;
}

/* The charset a <meta> (or XML declaration) in p[0..n) announces. */
static const char *
meta_in(const unsigned char *p, size_t n)
{
	const unsigned char *name, *val;
	const char *cs;
	size_t i, namelen, vallen;

	if (starts(p, n, "<?xml")) {
		i = 5;
		while (get_attr(p, n, &i, &name, &namelen, &val, &vallen))
			if (equals(name, namelen, "encoding") && val != NULL &&
			    (cs = label_lookup(val, vallen)) != NULL)
				return sniffed(cs);
	}
	i = 0;
	while (i < n) {
		if (p[i] != '<') {
			i++;
		} else if (starts(p + i, n - i, "<!--")) {
			for (i += 4; i < n && !starts(p + i, n - i, "-->"); i++)
				continue;
			i += 3;
		} else if (starts(p + i, n - i, "<meta") && i + 5 < n &&
		    (is_space(p[i + 5]) || p[i + 5] == '/')) {
			i += 5;
			if ((cs = meta_charset(p, n, &i)) != NULL)
				return sniffed(cs);
		} else if (i + 1 < n && (is_alpha(p[i + 1]) ||
		    (p[i + 1] == '/' && i + 2 < n && is_alpha(p[i + 2])))) {
			/* Skip the tag so that its attributes are not read. */
			while (i < n && !is_space(p[i]) && p[i] != '>')
				i++;
			while (get_attr(p, n, &i, &name, &namelen, &val,
			    &vallen))
				continue;
		} else if (i + 1 < n && (p[i + 1] == '!' || p[i + 1] == '/' ||
		    p[i + 1] == '?')) {
			while (i < n && p[i] != '>')
				i++;
		} else
			i++;
	}
	return NULL;
}

const char *
ap_sniff_meta_charset(const unsigned char *p, size_t n)
{
	return meta_in(p, n < PRESCAN ? n : PRESCAN);
}

const char *
ap_sniff_head_charset(const unsigned char *p, size_t n)
{
	size_t i;

	if (n > HEADSCAN)
		n = HEADSCAN;
	for (i = 0; i + 5 <= n; i++)
		if (p[i] == '<' && (p[i + 1] | 0x20) == 'b' &&
		    (p[i + 2] | 0x20) == 'o' && (p[i + 3] | 0x20) == 'd' &&
		    (p[i + 4] | 0x20) == 'y') {
			n = i;
			break;
		}
	return meta_in(p, n);
}

static void
close_cd(void *arg)
{
	iconv_close((iconv_t)arg);
}

int
ap_decoder_open(struct ap_decoder *dec, struct ap_arena *a,
    const char *charset)
{
	iconv_t cd;
	const char *cs;

	memset(dec, 0, sizeof(*dec));
	dec->arena = a;
	dec->unit = unit_of(charset);
	cs = label_lookup((const unsigned char *)charset, strlen(charset));
	if (cs == cs_utf8)
		return AP_OK;
	/* iconv_open() takes "" for the locale's charset: not a name. */
	if (charset[0] == '\0')
		return AP_EENCODING;
	if ((cd = iconv_open("UTF-8", charset)) == (iconv_t)-1)
		return AP_EENCODING;
	dec->cd = cd;
	dec->c1 = cs == cs_1252;
	assert(a->cleanup == NULL);
	a->cleanup = close_cd;
	a->cleanup_arg = dec->cd;
	return AP_OK;
}

void
ap_decoder_close(struct ap_decoder *dec)
{
	if (dec->cd == NULL)
		return;
	if (dec->arena->cleanup_arg == dec->cd) {
		dec->arena->cleanup = NULL;
		dec->arena->cleanup_arg = NULL;
	}
	iconv_close((iconv_t)dec->cd);
	dec->cd = NULL;
}

/*
 * An invalid byte.  glibc's CP1252 leaves 0x81 0x8D 0x8F 0x90 0x9D
 * undefined; browsers map them to the C1 controls of the same value.
 */
static void
put_invalid(const struct ap_decoder *dec, unsigned char c, struct ap_buf *out)
{
	if (dec->c1 && (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 ||
	    c == 0x9D))
		ap_buf_putcp(out, c);
	else
		ap_buf_put(out, replacement, 3);
}

/*
 * Convert what iconv can of in[0..inlen) into "out".  Returns the bytes
 * consumed; the rest is an incomplete sequence at the end.
 */
static size_t
convert(const struct ap_decoder *dec, const unsigned char *in, size_t inlen,
    struct ap_buf *out)
{
	char *ip = (char *)in, *op;
	size_t il = inlen, ol, want = inlen + 16, r, k;
	int err;

	while (il > 0) {
		ap_buf_reserve(out, want);
		op = out->p + out->len;
		ol = out->cap - out->len - 1;
		r = iconv((iconv_t)dec->cd, &ip, &il, &op, &ol);
		err = errno;
		out->len = (size_t)(op - out->p);
		out->p[out->len] = '\0';
		if (r != (size_t)-1)
			break;
		if (err == E2BIG)
			want = out->cap;
		else if (err == EINVAL)
			break;
		else {
			k = dec->unit < il ? dec->unit : il;
			put_invalid(dec, (unsigned char)*ip, out);
			ip += k;
			il -= k;
		}
	}
	return inlen - il;
}

static void
feed_iconv(struct ap_decoder *dec, const unsigned char *p, size_t n,
    struct ap_buf *out)
{
	size_t k, tot, used;

	/* Complete the sequence carried over, borrowing bytes from p. */
	while (dec->ncarry > 0 && n > 0) {
		k = sizeof(dec->carry) - dec->ncarry;
		if (k > n)
			k = n;
		memcpy(dec->carry + dec->ncarry, p, k);
		tot = dec->ncarry + k;
		used = convert(dec, dec->carry, tot, out);
		if (used >= dec->ncarry) {
			p += used - dec->ncarry;
			n -= used - dec->ncarry;
			dec->ncarry = 0;
			break;
		}
		if (k == n) {
			memmove(dec->carry, dec->carry + used, tot - used);
			dec->ncarry = tot - used;
			return;
		}
		/* Give back the borrowed bytes; a full carry is garbage. */
		if (used == 0) {
			put_invalid(dec, dec->carry[0], out);
			used = dec->unit < dec->ncarry ? dec->unit :
			    dec->ncarry;
		}
		memmove(dec->carry, dec->carry + used, dec->ncarry - used);
		dec->ncarry -= used;
	}
	while (n > 0) {
		used = convert(dec, p, n, out);
		p += used;
		n -= used;
		if (n <= sizeof(dec->carry))
			break;
		k = dec->unit < n ? dec->unit : n;
		put_invalid(dec, *p, out);
		p += k;
		n -= k;
	}
	memcpy(dec->carry, p, n);
	dec->ncarry = n;
}

/* UTF-8 needs no iconv, only repair: U+FFFD per maximal invalid subpart. */
static void
feed_utf8(struct ap_decoder *dec, const unsigned char *p, size_t n,
    struct ap_buf *out)
{
	size_t i, run, len;
	enum u8 st;

	while (dec->ncarry > 0 && n > 0) {
		dec->carry[dec->ncarry++] = *p++;
		n--;
		st = utf8_scan(dec->carry, dec->ncarry, &len);
		if (st == U8_SHORT)
			continue;
		if (st == U8_OK)
			ap_buf_put(out, (const char *)dec->carry, len);
		else {
			ap_buf_put(out, replacement, 3);
			/* The byte just taken broke the sequence: reread it. */
			if (len < dec->ncarry) {
				p--;
				n++;
			}
		}
		dec->ncarry = 0;
	}
	i = run = 0;
	while ((i = skip_ascii(p, n, i)) < n) {
		st = utf8_scan(p + i, n - i, &len);
		if (st == U8_OK) {
			i += len;
			continue;
		}
		ap_buf_put(out, (const char *)p + run, i - run);
		if (st == U8_SHORT) {
			memcpy(dec->carry, p + i, n - i);
			dec->ncarry = n - i;
			return;
		}
		ap_buf_put(out, replacement, 3);
		i += len;
		run = i;
	}
	ap_buf_put(out, (const char *)p + run, n - run);
}

void
ap_decoder_feed(struct ap_decoder *dec, const unsigned char *p, size_t n,
    struct ap_buf *out)
{
	if (n == 0)
		return;
	if (dec->cd == NULL)
		feed_utf8(dec, p, n, out);
	else
		feed_iconv(dec, p, n, out);
}

void
ap_decoder_finish(struct ap_decoder *dec, struct ap_buf *out)
{
	char *op;
	size_t ol, r;

	/* Stateful charsets may still hold a character back. */
	if (dec->cd != NULL) {
		for (;;) {
			ap_buf_reserve(out, 64);
			op = out->p + out->len;
			ol = out->cap - out->len - 1;
			r = iconv((iconv_t)dec->cd, NULL, NULL, &op, &ol);
			out->len = (size_t)(op - out->p);
			out->p[out->len] = '\0';
			if (r != (size_t)-1 || errno != E2BIG)
				break;
		}
	}
	if (dec->ncarry > 0) {
		ap_buf_put(out, replacement, 3);
		dec->ncarry = 0;
	}
}

/* The lead bytes of every character ap_is_invisible() names. */
#define INVISIBLE_LEAD(c)	((c) == 0xC2 || (c) == 0xE2 || (c) == 0xEF)

/* The length of the invisible character at p, or 0: its bytes tested in
 * place, as most lead bytes here start a ’ or a «, not one of these. */
static size_t
invisible_at(const unsigned char *p, size_t n)
{
	size_t k;

	if (n < 2 || (p[0] == 0xC2 && p[1] != 0xAD))
		return 0;
	if (p[0] != 0xC2 && (n < 3 || (p[1] != 0x80 && p[1] != 0x81 &&
	    p[1] != 0xBB)))
		return 0;
	return ap_is_invisible(ap_utf8_next((const char *)p, n, &k)) ? k : 0;
}

/* Whether byte c is one clean() keeps as it is, without a look. */
#define PLAIN(c)	(((c) >= 0x20 && (c) != 0x7F && !INVISIBLE_LEAD(c)) || \
			    (c) == '\n' || (c) == '\t')
#define PLAIN4(c)	PLAIN(c), PLAIN((c) + 1), PLAIN((c) + 2), PLAIN((c) + 3)
#define PLAIN16(c)	PLAIN4(c), PLAIN4((c) + 4), PLAIN4((c) + 8), \
			    PLAIN4((c) + 12)
static const bool plain_byte[256] = {
	PLAIN16(0x00), PLAIN16(0x10), PLAIN16(0x20), PLAIN16(0x30),
	PLAIN16(0x40), PLAIN16(0x50), PLAIN16(0x60), PLAIN16(0x70),
	PLAIN16(0x80), PLAIN16(0x90), PLAIN16(0xA0), PLAIN16(0xB0),
	PLAIN16(0xC0), PLAIN16(0xD0), PLAIN16(0xE0), PLAIN16(0xF0)
};

/* Index of the first byte at or after i that clean() must look at:
 * eight bytes at a time while they are printable ASCII, and back to
 * that after each line break, tab or other plain byte. */
static size_t
skip_plain(const unsigned char *s, size_t len, size_t i)
{
	const uint64_t ones = UINT64_C(0x0101010101010101),
	    highs = UINT64_C(0x8080808080808080);
	uint64_t w, del;

	for (;;) {
		while (len - i >= 8) {
			memcpy(&w, s + i, 8);
			del = w ^ (ones * 0x7F);
			/* A byte >= 0x80, < 0x20 or equal to 0x7F stops
			 * the word. */
			if (((w | (w - ones * 0x20) | (del - ones)) & highs) !=
			    0)
				break;
			i += 8;
		}
		if (i >= len || !plain_byte[s[i]])
			return i;
		i++;
	}
}

/*
 * CRLF and CR to LF; drop C0 controls but tab and LF, and DEL; drop the
 * invisible characters (ap_is_invisible), a leading U+FEFF among them.
 * Works in place on b->p[from..len); runs of printable bytes, nearly all
 * of a page, are skipped over (or moved) whole.
 */
static void
clean(struct norm *nm, struct ap_buf *b, size_t from)
{
	unsigned char *s = (unsigned char *)b->p;
	size_t r = from, w = from, start, len = b->len, k;
	unsigned char c;

	if (!nm->started && r < len) {
		nm->started = true;
		if (len - r >= 3 && s[r] == 0xEF && s[r + 1] == 0xBB &&
		    s[r + 2] == 0xBF)
			r += 3;
	}
	for (;;) {
		/* The LF of a CRLF split across two chunks. */
		if (nm->cr && r < len && s[r] == '\n') {
			nm->cr = false;
			r++;
		}
		start = r;
		r = skip_plain(s, len, r);
		if (r > start) {
			nm->cr = false;
			if (w != start)
				memmove(s + w, s + start, r - start);
			w += r - start;
		}
		if (r >= len)
			break;
		if (INVISIBLE_LEAD(s[r])) {
			nm->cr = false;
			if ((k = invisible_at(s + r, len - r)) > 0)
				r += k;
			else
				s[w++] = s[r++];
			continue;
		}
		c = s[r++];
		if (c == '\n' && nm->cr) {
			nm->cr = false;
			continue;
		}
		nm->cr = c == '\r';
		if (c == '\r')
			c = '\n';
		else if (c != '\t' && c != '\n')
			continue;	/* other C0 controls and DEL */
		s[w++] = c;
	}
	b->len = w;
	b->p[w] = '\0';
}

/*
 * Where NFC may cut pending text: before a code point that never combines
 * with what precedes it — ASCII, below U+0300, or CJK (U+4000..U+9FFF).
 * Looks back from the end; returns "done" when no such place is near.
 */
static size_t
safe_cut(const struct norm *nm, const struct ap_buf *b)
{
	const unsigned char *s = (const unsigned char *)b->p;
	size_t j = b->len, lim = b->len - nm->done > 65536 ?
	    b->len - 65536 : nm->done;
	unsigned char c;

	while (j > lim) {
		c = s[--j];
		if (c < 0x80 || (c >= 0xC0 && c < 0xCC) ||
		    (c >= 0xE4 && c <= 0xE9))
			return j;
	}
	return nm->done;
}

/*
 * True if s[0..n) is certainly NFC already: every code point is below
 * U+0300, or has no decomposition, no combining class and no part in any
 * composition (utf8proc's tables say so).  French text nearly always
 * passes, and then needs no work.
 */
static bool
nfc_stable(const unsigned char *s, size_t n)
{
	const utf8proc_property_t *p;
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	size_t i = 0;

	while ((i = skip_ascii(s, n, i)) < n) {
		if (s[i] < 0xCC && n - i >= 2) {
			i += 2;
			continue;
		}
		k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0)
			return false;
		p = utf8proc_get_property(cp);
		if (p->combining_class != 0 || p->comb_index != UINT16_MAX ||
		    (p->decomp_seqindex != UINT16_MAX &&
		    p->decomp_type == 0) ||	/* 0: canonical */
		    (cp >= 0x1100 && cp < 0x1200) ||	/* Hangul jamo */
		    (cp >= 0xAC00 && cp < 0xD7A4))	/* Hangul syllables */
			return false;
		i += (size_t)k;
	}
	return true;
}

/*
 * Compose b->p[from..to) to NFC in place; returns where the span now
 * ends.  utf8proc works in an arena scratch buffer, so it allocates
 * nothing that an out-of-memory jump could leak.
 */
static size_t
compose_span(struct norm *nm, struct ap_buf *b, size_t from, size_t to)
{
	const utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
	size_t n = to - from, need = n;
	utf8proc_ssize_t r;

	for (;;) {
		if (nm->u32cap < need) {
			if (need >= SIZE_MAX / sizeof(int32_t) - 1)
				ap_arena_oom(b->arena);
			/* utf8proc_reencode() writes a NUL after the text. */
			nm->u32 = ap_big_realloc(b->arena, nm->u32,
			    (need + 1) * sizeof(int32_t));
			nm->u32cap = need;
		}
		r = utf8proc_decompose((utf8proc_uint8_t *)b->p + from,
		    (utf8proc_ssize_t)n, nm->u32, (utf8proc_ssize_t)nm->u32cap,
		    opt);
		if (r < 0)
			return to;	/* cannot happen: the text is UTF-8 */
		if ((size_t)r <= nm->u32cap)
			break;
		need = (size_t)r;
	}
	if ((r = utf8proc_reencode(nm->u32, r, opt)) < 0)
		return to;
	if ((size_t)r > n)
		ap_buf_reserve(b, (size_t)r - n);
	memmove(b->p + from + r, b->p + to, b->len - to);
	memcpy(b->p + from, nm->u32, (size_t)r);
	b->len = b->len - n + (size_t)r;
	b->p[b->len] = '\0';
	return from + (size_t)r;
}

/* The end of the NFC window starting at "at": before an ASCII byte. */
static size_t
window_end(const struct ap_buf *b, size_t at, size_t end)
{
	size_t w = at + NFC_WINDOW;

	while (w < end && ((unsigned char)b->p[w] & 0x80) != 0)
		w++;
	return w < end ? w : end;
}

/*
 * Compose the pending text (up to a safe cut, or all of it when "final")
 * to NFC, once enough is pending.  It goes window by window, and only
 * runs of windows that may change go through utf8proc, so one accented
 * Greek word does not send a whole segment there.
 */
static void
nfc(struct norm *nm, struct ap_buf *b, bool final)
{
	size_t end = final ? b->len : safe_cut(nm, b), at, w, run, nw;

	if (!final && end - nm->done < NFC_SEGMENT)
		return;
	for (at = nm->done; at < end; at = w) {
		w = window_end(b, at, end);
		if (nfc_stable((unsigned char *)b->p + at, w - at))
			continue;
		/* Take the following unstable windows along: one move. */
		run = at;
		while (w < end && !nfc_stable((unsigned char *)b->p + w,
		    window_end(b, w, end) - w))
			w = window_end(b, w, end);
		nw = compose_span(nm, b, run, w);
		end = end - w + nw;
		w = nw;
	}
	nm->done = end;
}

/* White space, controls and invisible format characters only? */
static bool
blank(const char *s, size_t n)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	utf8proc_category_t cat;
	size_t i = 0;

	while (i < n) {
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0)
			return false;
		cat = utf8proc_category(cp);
		switch (cat) {
		case UTF8PROC_CATEGORY_ZS:
		case UTF8PROC_CATEGORY_ZL:
		case UTF8PROC_CATEGORY_ZP:
		case UTF8PROC_CATEGORY_CC:
		case UTF8PROC_CATEGORY_CF:
			break;
		default:
			return false;
		}
		i += (size_t)k;
	}
	return true;
}

static bool
is_binary(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(magics) / sizeof(magics[0]); i++)
		if (n >= magics[i].len &&
		    memcmp(p, magics[i].bytes, magics[i].len) == 0)
			return true;
	return false;
}

/*
 * Binary by content: more than one byte in 64 is NUL.  Text in an 8-bit
 * charset has none; a few stray NULs in a saved page (seen after an <img>)
 * are dropped with the other C0 controls instead of refusing the page.
 */
static bool
nul_heavy(const unsigned char *p, size_t n)
{
	const unsigned char *q, *end = p + n;
	size_t nuls = 0;

	while ((q = memchr(p, 0, (size_t)(end - p))) != NULL) {
		if (++nuls > n / 64)
			return true;
		p = q + 1;
	}
	return false;
}

static bool
iconv_knows(const char *cs)
{
	iconv_t cd;

	if ((cd = iconv_open("UTF-8", cs)) == (iconv_t)-1)
		return false;
	iconv_close(cd);
	return true;
}

/* --encoding: the WHATWG aliases of UTF-8 and windows-1252, else as is. */
static const char *
forced(struct ap_arena *a, const char *enc)
{
	const char *cs;
	char *u;
	size_t i;

	cs = label_lookup((const unsigned char *)enc, strlen(enc));
	if (cs == cs_utf8 || cs == cs_1252)
		return cs;
	u = ap_strdup(a, enc);
	for (i = 0; u[i] != '\0'; i++)
		if (u[i] >= 'a' && u[i] <= 'z')
			u[i] -= 'a' - 'A';
	return u;
}

/*
 * The transport's charset (HTTP Content-Type), when iconv knows it; a
 * hint of UTF-8 for bytes that are not is no help.
 */
static const char *
hinted(const struct ap_doc *d)
{
	const char *h = d->opts.charset_hint, *cs;

	if (h == NULL || *h == '\0')
		return NULL;
	cs = label_lookup((const unsigned char *)h, strlen(h));
	if (cs == NULL)
		cs = iconv_knows(h) ? h : NULL;
	return cs == cs_utf8 ? NULL : cs;
}

/*
 * No --encoding, no BOM, and not valid UTF-8 (strict UTF-8 wins even over
 * a charset hint or a <meta> that says otherwise, because real pages lie
 * about their charset far more often than latin-1 text happens to be
 * valid UTF-8): the hint, then <meta charset>.
 */
static const char *
guess(const struct ap_doc *d, const unsigned char *p, size_t n)
{
	const char *cs;

	if ((cs = hinted(d)) != NULL)
		return cs;
	if (d->opts.input == AP_INPUT_TEXT ||
	    (d->opts.input == AP_INPUT_AUTO && !ap_sniff_markup(p, n)))
		return cs_1252;
	/* As a browser changes the encoding when the parser meets a <meta
	 * charset> later in the head (a web archive's banner first). */
	if ((cs = ap_sniff_meta_charset(p, n)) == NULL)
		cs = ap_sniff_head_charset(p, n);
	if (cs == NULL || cs == cs_utf8 || !iconv_knows(cs))
		return cs_1252;
	return cs;
}

int
ap_decode(struct ap_doc *d, const unsigned char *bytes, size_t len)
{
	struct ap_decoder dec;
	struct ap_buf out;
	struct norm nm;
	const char *cs = NULL;
	size_t skip = 0, off, k, from, est;
	bool valid = false;
	int rc;

	if (len == 0)
		return AP_EEMPTY;
	if (is_binary(bytes, len))
		return AP_EBINARY;
	if (d->opts.encoding != NULL)
		cs = forced(&d->arena, d->opts.encoding);
	else if (len >= 3 && memcmp(bytes, "\xef\xbb\xbf", 3) == 0) {
		cs = cs_utf8;
		skip = 3;
	} else if (len >= 2 && memcmp(bytes, "\xff\xfe", 2) == 0) {
		cs = cs_utf16le;
		skip = 2;
	} else if (len >= 2 && memcmp(bytes, "\xfe\xff", 2) == 0) {
		cs = cs_utf16be;
		skip = 2;
	}
	if ((cs == NULL || unit_of(cs) == 1) && nul_heavy(bytes, len))
		return AP_EBINARY;
	if (cs == NULL && !(valid = ap_utf8_valid(bytes, len)))
		cs = guess(d, bytes, len);
	else if (cs == NULL)
		cs = cs_utf8;
	if ((rc = ap_decoder_open(&dec, &d->arena, cs)) != AP_OK)
		return rc;

	memset(&nm, 0, sizeof(nm));
	ap_buf_init(&out, &d->arena);
	est = (len - skip) / dec.unit;
	ap_buf_reserve(&out, est + est / 8 + 64);
	for (off = skip; off < len; off += k) {
		k = len - off < CHUNK ? len - off : CHUNK;
		from = out.len;
		if (valid) {
			/* Checked whole already: copied, cut between
			 * characters. */
			while (off + k < len && (bytes[off + k] & 0xC0) == 0x80)
				k--;
			ap_buf_put(&out, (const char *)bytes + off, k);
		} else
			ap_decoder_feed(&dec, bytes + off, k, &out);
		clean(&nm, &out, from);
		nfc(&nm, &out, false);
	}
	from = out.len;
	ap_decoder_finish(&dec, &out);
	ap_decoder_close(&dec);
	clean(&nm, &out, from);
	nfc(&nm, &out, true);
	ap_big_free(&d->arena, nm.u32);

	if (blank(out.p, out.len)) {
		ap_buf_fini(&out);
		return AP_EEMPTY;
	}
	d->textlen = out.len;
	d->text = ap_big_realloc(&d->arena, out.p, out.len + 1);
	d->encoding = cs;
	return AP_OK;
}
