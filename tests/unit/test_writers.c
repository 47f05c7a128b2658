/* SPDX-License-Identifier: ISC */
/*
 * Writers: exact output of each format on hand-built documents, JSON and
 * CommonMark escaping, line filling with French non-breaking spaces,
 * and the driver's contract (one sink write, AP_EIO, AP_ENOMEM with
 * every allocation released).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "artparse.h"
#include "arena.h"
#include "content.h"
#include "doc.h"

#define NBSP	"\xc2\xa0"		/* U+00A0 */
#define NNBSP	"\xe2\x80\xaf"		/* U+202F */

/* Memory sink; with "fail" set it refuses every write. */
struct mem {
	char	*p;
	size_t	 len;
	int	 calls;
	bool	 fail;
};

static int
mem_write(void *arg, const char *p, size_t sz)
{
	struct mem *m = arg;
	char *np;

	m->calls++;
	if (m->fail)
		return -1;
	np = realloc(m->p, m->len + sz + 1);
	if (np == NULL)
		return -1;
	m->p = np;
	memcpy(m->p + m->len, p, sz);
	m->len += sz;
	m->p[m->len] = '\0';
	return 0;
}

/* Allocator that fails every request from the limit-th on. */
struct cnt {
	long	 calls;
	long	 limit;		/* -1: never fail */
	long	 live;
};

static void *
cnt_malloc(size_t n, void *arg)
{
	struct cnt *c = arg;
	void *p;

	if (c->limit >= 0 && c->calls++ >= c->limit)
		return NULL;
	if ((p = malloc(n)) != NULL)
		c->live++;
	return p;
}

static void *
cnt_realloc(void *old, size_t n, void *arg)
{
	struct cnt *c = arg;
	void *p;

	if (c->limit >= 0 && c->calls++ >= c->limit)
		return NULL;
	if ((p = realloc(old, n)) != NULL && old == NULL)
		c->live++;
	return p;
}

static void
cnt_free(void *p, void *arg)
{
	struct cnt *c = arg;

	if (p != NULL)
		c->live--;
	free(p);
}

static struct ap_doc *
doc_new(const struct ap_allocator *al)
{
	struct ap_doc *d = calloc(1, sizeof(*d));

	assert_non_null(d);
	ap_arena_init(&d->arena, al);
	return d;
}

static void
doc_free(struct ap_doc *d)
{
	ap_arena_fini(&d->arena);
	free(d);
}

/* The writer option --keep-boilerplate for render() and check(). */
static bool keep_boilerplate;

static char *
render(const struct ap_doc *d, const char *fmt, size_t width, bool pretty)
{
	const struct ap_writer *w = ap_writer_find(fmt);
	struct ap_wopts wo = { .width = width, .pretty = pretty,
	    .keep_boilerplate = keep_boilerplate };
	struct mem m = { NULL, 0, 0, false };
	struct ap_sink sink = { mem_write, &m };

	assert_non_null(w);
	assert_int_equal(ap_render(d, w, &wo, &sink), AP_OK);
	assert_int_equal(m.calls, 1);
	if (m.p == NULL)
		m.p = calloc(1, 1);
	return m.p;
}

static void
check(const struct ap_doc *d, const char *fmt, size_t width, bool pretty,
    const char *want)
{
	char *got = render(d, fmt, width, pretty);

	assert_string_equal(got, want);
	free(got);
}

static struct ap_author sample_authors[] = {
	{ "Catherine Morin", "Éditrice - Direction Informatique" },
	{ "Jean Dupont", NULL },
};

static struct ap_body sample_body[] = {
	{ .type = AP_BODY_PARAGRAPH, .text = "Premier paragraphe." },
	{ .type = AP_BODY_HEADING, .text = "Un intertitre" },
	{ .type = AP_BODY_QUOTE, .text = "«" NBSP "Citation" NBSP "»" },
	{ .type = AP_BODY_LISTITEM, .text = "un", .list = 1, .depth = 1 },
	{ .type = AP_BODY_LISTITEM, .text = "deux", .list = 1, .depth = 1 },
	{ .type = AP_BODY_PARAGRAPH, .text = "Fin." },
};

static struct ap_quote sample_quotes[] = {
	{ "Citation", "Jean Dupont", "maire", 2, NULL },
	{ "Titre", NULL, NULL, SIZE_MAX, NULL },
};

static struct ap_related sample_related[] = {
	{ "Autre article", "Résumé", "https://example.org/b" },
	{ "Sans lien", NULL, NULL },
};

static struct ap_dropped sample_dropped[] = {
	{ "newsletter", "Abonnez-vous" },
};

static struct ap_doc *
sample(const struct ap_allocator *al)
{
	struct ap_doc *d = doc_new(al);
	struct ap_article *a = &d->art;

	a->headline = "Le «" NBSP "projet" NBSP "» avance";
	a->standfirst = "Un chapô.";
	a->authors = sample_authors;
	a->nauthors = 2;
	a->date = "2024-03-01T08:00:00+01:00";
	a->date_modified = "2024-03-02";
	a->site_name = "Le Site";
	a->lang = "fr";
	a->url = "https://example.org/a";
	a->body = sample_body;
	a->nbody = 6;
	a->quotes = sample_quotes;
	a->nquotes = 2;
	a->related = sample_related;
	a->nrelated = 2;
	a->dropped = sample_dropped;
	a->ndropped = 1;
	a->source_path = "in.html";
	a->source_type = "html";
	a->source_encoding = "UTF-8";
	return d;
}

/* A document whose body is one block of the given type. */
static struct ap_doc *
one_block(enum ap_btype t, const char *text)
{
	static struct ap_body b;
	struct ap_doc *d = doc_new(NULL);

	b.type = t;
	b.text = text;
	d->art.body = &b;
	d->art.nbody = 1;
	return d;
}

static void
test_registry(void **state)
{
	const struct ap_writer *w;

	(void)state;
	assert_string_equal(ap_writer_name(0), "json");
	assert_string_equal(ap_writer_name(1), "markdown");
	assert_string_equal(ap_writer_name(2), "text");
	assert_string_equal(ap_writer_name(3), "tree");
	assert_string_equal(ap_writer_name(4), "tei");
	assert_null(ap_writer_name(5));
	assert_null(ap_writer_name(SIZE_MAX));
	w = ap_writer_find("markdown");
	assert_non_null(w);
	assert_ptr_equal(ap_writer_find("md"), w);
	assert_string_equal(ap_writer_ext(w), "md");
	assert_ptr_equal(ap_writer_find("txt"), ap_writer_find("text"));
	assert_string_equal(ap_writer_ext(ap_writer_find("text")), "txt");
	assert_string_equal(ap_writer_ext(ap_writer_find("json")), "json");
	assert_non_null(ap_writer_find("tree"));
	assert_string_equal(ap_writer_ext(ap_writer_find("tei")), "tei.xml");
	assert_null(ap_writer_find("xml"));
	assert_null(ap_writer_find("JSON"));
	assert_null(ap_writer_find(""));
	assert_null(ap_writer_find(NULL));
}

#define SAMPLE_JSON_HEAD \
	"{\"version\":2,\"headline\":\"Le «" NBSP "projet" NBSP "» avance\"," \
	"\"standfirst\":\"Un chapô.\",\"authors\":[{\"name\":" \
	"\"Catherine Morin\",\"role\":\"Éditrice - Direction Informatique\"}," \
	"{\"name\":\"Jean Dupont\",\"role\":null}]," \
	"\"date\":\"2024-03-01T08:00:00+01:00\",\"date_modified\":" \
	"\"2024-03-02\",\"site_name\":\"Le Site\",\"lang\":\"fr\"," \
	"\"url\":\"https://example.org/a\",\"body\":[" \
	"{\"type\":\"paragraph\",\"text\":\"Premier paragraphe.\"}," \
	"{\"type\":\"heading\",\"text\":\"Un intertitre\"}," \
	"{\"type\":\"quote\",\"text\":\"«" NBSP "Citation" NBSP "»\"}," \
	"{\"type\":\"list-item\",\"text\":\"un\",\"list\":1," \
	"\"depth\":1,\"ordered\":false}," \
	"{\"type\":\"list-item\",\"text\":\"deux\",\"list\":1," \
	"\"depth\":1,\"ordered\":false}," \
	"{\"type\":\"paragraph\",\"text\":\"Fin.\"}],\"figures\":[]," \
	"\"quotes\":[{\"text\":\"Citation\",\"speaker\":\"Jean Dupont\"," \
	"\"speaker_role\":\"maire\",\"block\":2},{\"text\":\"Titre\"," \
	"\"speaker\":null,\"speaker_role\":null,\"block\":null}]," \
	"\"related\":[{\"title\":\"Autre article\",\"summary\":\"Résumé\"," \
	"\"url\":\"https://example.org/b\"},{\"title\":\"Sans lien\"," \
	"\"summary\":null,\"url\":null}]," \
	"\"source\":{\"path\":\"in.html\",\"type\":\"html\"," \
	"\"encoding\":\"UTF-8\"}"

static void
test_json_sample(void **state)
{
	struct ap_doc *d = sample(NULL);

	(void)state;
	check(d, "json", 0, false, SAMPLE_JSON_HEAD "}\n");
	/* The dropped list appears only when boilerplate is kept. */
	keep_boilerplate = true;
	check(d, "json", 0, false, SAMPLE_JSON_HEAD ",\"dropped\":["
	    "{\"kind\":\"newsletter\",\"text\":\"Abonnez-vous\"}]}\n");
	d->art.ndropped = 0;
	check(d, "json", 0, false, SAMPLE_JSON_HEAD ",\"dropped\":[]}\n");
	keep_boilerplate = false;
	doc_free(d);
}

static void
test_json_pretty(void **state)
{
	struct ap_doc *d = one_block(AP_BODY_PARAGRAPH, "x");

	(void)state;
	check(d, "json", 0, true,
	    "{\n"
	    "  \"version\": 2,\n"
	    "  \"headline\": null,\n"
	    "  \"standfirst\": null,\n"
	    "  \"authors\": [],\n"
	    "  \"date\": null,\n"
	    "  \"date_modified\": null,\n"
	    "  \"site_name\": null,\n"
	    "  \"lang\": null,\n"
	    "  \"url\": null,\n"
	    "  \"body\": [\n"
	    "    {\n"
	    "      \"type\": \"paragraph\",\n"
	    "      \"text\": \"x\"\n"
	    "    }\n"
	    "  ],\n"
	    "  \"figures\": [],\n"
	    "  \"quotes\": [],\n"
	    "  \"related\": [],\n"
	    "  \"source\": {\n"
	    "    \"path\": null,\n"
	    "    \"type\": null,\n"
	    "    \"encoding\": null\n"
	    "  }\n"
	    "}\n");
	doc_free(d);
}

/* The JSON text of headline "in", as the writer escapes it. */
static char *
json_headline(const char *in)
{
	struct ap_doc *d = doc_new(NULL);
	char *out, *s, *e;

	d->art.headline = in;
	out = render(d, "json", 0, false);
	doc_free(d);
	s = strstr(out, "\"headline\":");
	assert_non_null(s);
	s += strlen("\"headline\":");
	e = strstr(s, ",\"standfirst\":");
	assert_non_null(e);
	memmove(out, s, (size_t)(e - s));
	out[e - s] = '\0';
	return out;
}

static void
check_json_string(const char *in, const char *want)
{
	char *got = json_headline(in);

	assert_string_equal(got, want);
	free(got);
}

static void
test_json_escape(void **state)
{
	(void)state;
	check_json_string("dit \"oui\"", "\"dit \\\"oui\\\"\"");
	check_json_string("C:\\temp", "\"C:\\\\temp\"");
	check_json_string("a\nb\tc\rd\be\ff", "\"a\\nb\\tc\\rd\\be\\ff\"");
	check_json_string("\x01\x1f\x7f", "\"\\u0001\\u001f\x7f\"");
	check_json_string("/ é « » € 😀", "\"/ é « » € 😀\"");
	check_json_string("a\xe2\x80\xa8" "b\xe2\x80\xa9" "c",
	    "\"a\\u2028b\\u2029c\"");
	/* Invalid UTF-8: one U+FFFD per maximal bad subpart. */
	check_json_string("a\xff" "b", "\"a\xef\xbf\xbd" "b\"");
	check_json_string("a\xc3", "\"a\xef\xbf\xbd\"");
	check_json_string("\xe2\x82" "x", "\"\xef\xbf\xbd" "x\"");
	check_json_string("\xc0\xaf", "\"\xef\xbf\xbd\xef\xbf\xbd\"");
	check_json_string("\xed\xa0\x80", "\"\xef\xbf\xbd\xef\xbf\xbd"
	    "\xef\xbf\xbd\"");
	check_json_string("\xf4\x90\x80\x80", "\"\xef\xbf\xbd\xef\xbf\xbd"
	    "\xef\xbf\xbd\xef\xbf\xbd\"");
	check_json_string("", "\"\"");
	check_json_string(NULL, "null");
}

/* Whatever the strings hold, a JSON parser reads them back. */
static void
test_json_valid(void **state)
{
	static const char *const nasty[] = {
		"\"\\\"\\", "\x01\x02\x03\x1b[31m", "\xff\xfe\xc3\x28",
		"a\xe2\x80\xa8" "b", "\xf0\x9f\x98", "«" NBSP "x" NBSP "»",
	};
	struct ap_doc *d = sample(NULL);
	struct ap_author au = { NULL, NULL };
	json_error_t err;
	json_t *j;
	char *out;
	size_t i, p;

	(void)state;
	keep_boilerplate = true;
	for (i = 0; i < sizeof(nasty) / sizeof(nasty[0]); i++) {
		d->art.headline = nasty[i];
		d->art.site_name = nasty[i];
		au.name = nasty[i];
		d->art.authors = &au;
		d->art.nauthors = 1;
		for (p = 0; p < 2; p++) {
			out = render(d, "json", 0, p == 1);
			j = json_loads(out, 0, &err);
			if (j == NULL)
				fail_msg("invalid JSON (%s): %s", err.text,
				    out);
			assert_true(json_is_object(j));
			assert_int_equal(json_integer_value(
			    json_object_get(j, "version")), AP_JSON_VERSION);
			assert_true(json_is_array(json_object_get(j,
			    "dropped")));
			json_decref(j);
			free(out);
		}
	}
	d->art.headline = "\xe2\x80\xa8\"\\\n";
	out = render(d, "json", 0, false);
	j = json_loads(out, 0, &err);
	assert_non_null(j);
	assert_string_equal(json_string_value(json_object_get(j, "headline")),
	    "\xe2\x80\xa8\"\\\n");
	json_decref(j);
	free(out);
	keep_boilerplate = false;
	doc_free(d);
}

static void
test_md_sample(void **state)
{
	struct ap_doc *d = sample(NULL);

	(void)state;
	check(d, "md", 0, false,
	    "# Le «" NBSP "projet" NBSP "» avance\n"
	    "\n"
	    "*Par Catherine Morin (Éditrice - Direction Informatique), "
	    "Jean Dupont*\n"
	    "\n"
	    "*Publié le 1er mars 2024, mis à jour le 2 mars 2024*\n"
	    "\n"
	    "**Un chapô.**\n"
	    "\n"
	    "Premier paragraphe.\n"
	    "\n"
	    "## Un intertitre\n"
	    "\n"
	    "> «" NBSP "Citation" NBSP "»\n"
	    "\n"
	    "- un\n"
	    "- deux\n"
	    "\n"
	    "Fin.\n"
	    "\n"
	    "## Articles connexes\n"
	    "\n"
	    "- [Autre article](https://example.org/b) — Résumé\n"
	    "- Sans lien\n");
	doc_free(d);
}

static void
check_md(enum ap_btype t, const char *in, const char *want)
{
	struct ap_doc *d = one_block(t, in);

	check(d, "markdown", 0, false, want);
	doc_free(d);
}

static void
test_md_escape(void **state)
{
	(void)state;
	check_md(AP_BODY_PARAGRAPH, "*gras* et _italique_",
	    "\\*gras\\* et \\_italique\\_\n");
	check_md(AP_BODY_PARAGRAPH, "[lien](http://x.fr) ![img](y)",
	    "\\[lien\\](http://x.fr) !\\[img\\](y)\n");
	check_md(AP_BODY_PARAGRAPH, "# Pas un titre",
	    "\\# Pas un titre\n");
	check_md(AP_BODY_PARAGRAPH, "C# et F#, le #hashtag",
	    "C# et F#, le \\#hashtag\n");
	check_md(AP_BODY_PARAGRAPH, "1. Premier", "1\\. Premier\n");
	check_md(AP_BODY_PARAGRAPH, "2024) Année", "2024\\) Année\n");
	check_md(AP_BODY_PARAGRAPH, "Le 1. ou 2) reste", "Le 1. ou 2) reste\n");
	check_md(AP_BODY_PARAGRAPH, "- tiret", "\\- tiret\n");
	check_md(AP_BODY_PARAGRAPH, "+ plus", "\\+ plus\n");
	check_md(AP_BODY_PARAGRAPH, "---", "\\---\n");
	check_md(AP_BODY_PARAGRAPH, "-", "\\-\n");
	check_md(AP_BODY_PARAGRAPH, "-10 % et a - b", "-10 % et a - b\n");
	check_md(AP_BODY_PARAGRAPH, "a < b > c", "a \\< b \\> c\n");
	check_md(AP_BODY_PARAGRAPH, "> cité", "\\> cité\n");
	check_md(AP_BODY_PARAGRAPH, "<div>", "\\<div\\>\n");
	check_md(AP_BODY_PARAGRAPH, "AT&T & Cie &amp; &#39; &",
	    "AT\\&T & Cie \\&amp; \\&#39; &\n");
	check_md(AP_BODY_PARAGRAPH, "a|b ~c~ `code` \\",
	    "a\\|b \\~c\\~ \\`code\\` \\\\\n");
	check_md(AP_BODY_PARAGRAPH, "  espaces \t", "espaces\n");
	check_md(AP_BODY_PARAGRAPH, "ligne\nsuite\x01",
	    "ligne suite\xef\xbf\xbd\n");
	check_md(AP_BODY_PARAGRAPH, "   ", "");
	check_md(AP_BODY_HEADING, "Titre #", "## Titre \\#\n");
	check_md(AP_BODY_HEADING, "# Titre", "## \\# Titre\n");
	check_md(AP_BODY_LISTITEM, "- déjà", "- \\- déjà\n");
	check_md(AP_BODY_LISTITEM, "3. trois", "- 3\\. trois\n");
	check_md(AP_BODY_QUOTE, "> imbriqué", "> \\> imbriqué\n");
}

/* CommonMark backslash escapes: drop "\" before ASCII punctuation. */
static char *
md_unescape(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;

	assert_non_null(out);
	for (; *s != '\0'; s++) {
		if (s[0] == '\\' && s[1] != '\0' && strchr(
		    "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[1]) != NULL)
			s++;
		*o++ = *s;
	}
	*o = '\0';
	return out;
}

static void
test_md_roundtrip(void **state)
{
	static const char *const texts[] = {
		"« Ça coûte 12,50 € (TTC) », dit-il ; *vraiment* ?",
		"#1 des ventes : [sic] <b>gras</b> & \\n `x` ~y~ a|b _z_",
		"1) d'abord - puis + ensuite = fin !",
		"- 2. + * > # _ ` ~ | [ ] < & \\",
		"Éditrice – Direction Informatique, 100 % ; l’été",
	};
	struct ap_doc *d;
	char *out, *plain;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		d = one_block(AP_BODY_PARAGRAPH, texts[i]);
		out = render(d, "md", 0, false);
		doc_free(d);
		assert_true(out[0] != '\0' && out[strlen(out) - 1] == '\n');
		out[strlen(out) - 1] = '\0';
		plain = md_unescape(out);
		assert_string_equal(plain, texts[i]);
		free(plain);
		free(out);
	}
}

static void
test_md_related(void **state)
{
	struct ap_related r[] = {
		{ "[Vidéo] Le *direct*", NULL,
		    "https://ex.fr/a b(c)<d>&amp;x" },
		{ "1. Un", "Le résumé *court*", NULL },
		{ NULL, "sans titre", "https://ex.fr/" },
	};
	struct ap_doc *d = doc_new(NULL);

	(void)state;
	d->art.related = r;
	d->art.nrelated = 3;
	check(d, "md", 0, false,
	    "## Articles connexes\n"
	    "\n"
	    "- [\\[Vidéo\\] Le \\*direct\\*]"
	    "(https://ex.fr/a%20b\\(c\\)\\<d\\>&amp;amp;x)\n"
	    "- 1\\. Un — Le résumé \\*court\\*\n");
	doc_free(d);
}

static void
test_text_sample(void **state)
{
	struct ap_doc *d = sample(NULL);

	(void)state;
	check(d, "text", 0, false,
	    "Le «" NBSP "projet" NBSP "» avance\n"
	    "Par Catherine Morin (Éditrice - Direction Informatique), "
	    "Jean Dupont\n"
	    "Publié le 1er mars 2024, mis à jour le 2 mars 2024\n"
	    "\n"
	    "Un chapô.\n"
	    "\n"
	    "Premier paragraphe.\n"
	    "\n"
	    "Un intertitre\n"
	    "\n"
	    "«" NBSP "Citation" NBSP "»\n"
	    "\n"
	    "- un\n"
	    "- deux\n"
	    "\n"
	    "Fin.\n"
	    "\n"
	    "Articles connexes\n"
	    "- Autre article\n"
	    "- Sans lien\n");
	doc_free(d);
}

static void
test_dateline(void **state)
{
	struct ap_doc *d = doc_new(NULL);

	(void)state;
	d->art.date = "2024-03-05T23:10:00Z";
	d->art.date_modified = "2024-03-05T23:50:00Z";
	check(d, "text", 0, false, "Publié le 5 mars 2024\n");
	d->art.date = NULL;
	d->art.date_modified = "2023-12-31";
	check(d, "text", 0, false, "Mis à jour le 31 décembre 2023\n");
	d->art.date = "hier soir";
	d->art.date_modified = NULL;
	check(d, "md", 0, false, "*Publié le hier soir*\n");
	d->art.date = "2024-13-01";
	check(d, "text", 0, false, "Publié le 2024-13-01\n");
	doc_free(d);
}

#define GLUED \
	"Le maire a déclaré" NBSP ": «" NBSP "nous avons gagné" NNBSP "!" \
	NBSP "» Puis il est parti."
#define LONGP \
	"Selon le rapport publié mardi, la hausse atteint 12" NNBSP "% sur " \
	"un an" NNBSP "; les associations dénoncent une «" NBSP "situation " \
	"intenable" NBSP "» pour les familles."

static void
test_text_wrap(void **state)
{
	struct ap_body b[] = {
		{ .type = AP_BODY_PARAGRAPH, .text = GLUED },
		{ .type = AP_BODY_PARAGRAPH, .text = LONGP },
		{ .type = AP_BODY_LISTITEM,
		    .text = "un élément de liste assez long" },
	};
	struct ap_doc *d = doc_new(NULL);

	(void)state;
	d->art.body = b;
	d->art.nbody = 3;
	check(d, "text", 20, false,
	    "Le maire a déclaré" NBSP ":\n"
	    "«" NBSP "nous avons\n"
	    "gagné" NNBSP "!" NBSP "» Puis il\n"
	    "est parti.\n"
	    "\n"
	    "Selon le rapport\n"
	    "publié mardi, la\n"
	    "hausse atteint 12" NNBSP "%\n"
	    "sur un an" NNBSP "; les\n"
	    "associations\n"
	    "dénoncent une\n"
	    "«" NBSP "situation\n"
	    "intenable" NBSP "» pour les\n"
	    "familles.\n"
	    "\n"
	    "- un élément de\n"
	    "  liste assez long\n");
	check(d, "text", 72, false,
	    GLUED "\n"
	    "\n"
	    "Selon le rapport publié mardi, la hausse atteint 12" NNBSP "% "
	    "sur un an" NNBSP "; les\n"
	    "associations dénoncent une «" NBSP "situation intenable" NBSP
	    "» pour les familles.\n"
	    "\n"
	    "- un élément de liste assez long\n");
	check(d, "text", 0, false,
	    GLUED "\n\n" LONGP "\n\n- un élément de liste assez long\n");
	doc_free(d);
}

/* Display columns of one line of UTF-8 (test copy: NBSP 1, CJK 2). */
static size_t
cols(const char *s, size_t n)
{
	size_t w = 0, i;
	unsigned char c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if ((c & 0xC0) == 0x80)
			continue;
		w += c == 0xE6 || c == 0xE5 ? 2 : 1;	/* the CJK used here */
	}
	return w;
}

static bool
starts(const char *s, size_t n, const char *pfx)
{
	return n >= strlen(pfx) && memcmp(s, pfx, strlen(pfx)) == 0;
}

static bool
ends(const char *s, size_t n, const char *sfx)
{
	return n >= strlen(sfx) && memcmp(s + n - strlen(sfx), sfx,
	    strlen(sfx)) == 0;
}

/* At every width, no line breaks a glue and none overflows needlessly. */
static void
test_text_wrap_all_widths(void **state)
{
	struct ap_body b[] = {
		{ .type = AP_BODY_PARAGRAPH, .text = GLUED " " LONGP }
	};
	struct ap_doc *d = doc_new(NULL);
	const char *p, *nl;
	char *out;
	size_t width, n;

	(void)state;
	d->art.body = b;
	d->art.nbody = 1;
	for (width = 1; width <= 100; width++) {
		out = render(d, "text", width, false);
		for (p = out; *p != '\0'; p = nl + 1) {
			nl = strchr(p, '\n');
			assert_non_null(nl);
			n = (size_t)(nl - p);
			assert_true(n > 0);
			assert_false(starts(p, n, " ") || ends(p, n, " "));
			assert_false(starts(p, n, NBSP) || ends(p, n, NBSP));
			assert_false(starts(p, n, NNBSP) ||
			    ends(p, n, NNBSP));
			assert_false(ends(p, n, "«"));
			assert_false(starts(p, n, "»") || starts(p, n, ":") ||
			    starts(p, n, ";") || starts(p, n, "!") ||
			    starts(p, n, "%"));
			/* Over the width only as a single unbreakable word. */
			if (cols(p, n) > width)
				assert_null(memchr(p, ' ', n));
		}
		free(out);
	}
	doc_free(d);
}

static void
test_text_wide(void **state)
{
	struct ap_doc *d;

	(void)state;
	/* 4 + 1 + 4 = 9 columns fit in 10, though it is 5 code points. */
	d = one_block(AP_BODY_PARAGRAPH, "東京 大阪 名古屋 札幌");
	check(d, "text", 10, false, "東京 大阪\n名古屋\n札幌\n");
	check(d, "text", 9, false, "東京 大阪\n名古屋\n札幌\n");
	check(d, "text", 8, false, "東京\n大阪\n名古屋\n札幌\n");
	doc_free(d);
	/* Combining accents take no column. */
#define ETE	"e\xcc\x81te\xcc\x81"	/* "été" with combining accents */
	d = one_block(AP_BODY_PARAGRAPH, ETE " " ETE);
	check(d, "text", 7, false, ETE " " ETE "\n");
	check(d, "text", 6, false, ETE "\n" ETE "\n");
	doc_free(d);
	d = one_block(AP_BODY_PARAGRAPH, "a anticonstitutionnellement b");
	check(d, "text", 10, false, "a\nanticonstitutionnellement\nb\n");
	doc_free(d);
	d = one_block(AP_BODY_LISTITEM, "anticonstitutionnellement b c");
	check(d, "text", 10, false, "- anticonstitutionnellement\n  b c\n");
	doc_free(d);
	/* Terminal controls never reach the output; tabs are spaces. */
	d = one_block(AP_BODY_PARAGRAPH, "a\tb\x1b[2J\xc2\x9b" "c");
	check(d, "text", 0, false, "a b\xef\xbf\xbd[2J\xef\xbf\xbd" "c\n");
	doc_free(d);
}

static struct ap_quote tree_quotes[] = {
	{ "Citation", "Jean Dupont", "maire", 2,
	    "named with a reporting cue" },
	{ "Titre", NULL, NULL, SIZE_MAX, NULL },
};

static void
test_tree(void **state)
{
	struct ap_block bl[4];
	struct ap_doc *d = doc_new(NULL);
	char longtext[121], wide[121], want[1024];
	size_t i;

	(void)state;
	memset(bl, 0, sizeof(bl));
	memset(longtext, 'x', 100);
	longtext[100] = '\0';
	for (i = 0; i < 40; i++)
		memcpy(wide + 3 * i, "日", 3);
	wide[120] = '\0';
	bl[0].text = "Titre";
	bl[0].line = 1;
	bl[0].kind = AP_KIND_HEADLINE;
	bl[0].why = "h1";
	bl[1].text = longtext;
	bl[1].line = 3;
	bl[1].kind = AP_KIND_PARAGRAPH;
	bl[1].why = "long-text";
	bl[1].content = 0.874;
	bl[1].top_pos = CF_PROSE;
	bl[1].top_neg = CF_LINK_DENSITY;
	bl[2].text = "Abonnez-vous\n à la lettre";
	bl[2].line = 9;
	bl[2].kind = AP_KIND_BOILERPLATE;
	bl[2].why = "newsletter-cue";
	bl[2].drop = "newsletter";
	bl[3].text = wide;
	bl[3].line = 12;
	d->blocks = bl;
	d->nblocks = 4;
	/* Dropped blocks are shown though the article does not hold them. */
	snprintf(want, sizeof(want),
	    "1 headline h1 p=0.00: Titre\n"
	    "3 paragraph long-text p=0.87 +prose -link_density: %.69s…\n"
	    "9 boilerplate (newsletter) newsletter-cue p=0.00: "
	    "Abonnez-vous  à la lettre\n"
	    "12 unknown - p=0.00: %.102s…\n", longtext, wide);
	check(d, "tree", 0, false, want);
	/* Exactly 70 columns: kept whole. */
	longtext[70] = '\0';
	wide[105] = '\0';
	snprintf(want, sizeof(want),
	    "1 headline h1 p=0.00: Titre\n"
	    "3 paragraph long-text p=0.87 +prose -link_density: %s\n"
	    "9 boilerplate (newsletter) newsletter-cue p=0.00: "
	    "Abonnez-vous  à la lettre\n"
	    "12 unknown - p=0.00: %s\n", longtext, wide);
	check(d, "tree", 0, false, want);
	d->nblocks = 0;
	check(d, "tree", 0, false, "");
	/* Then the quotations, each with how its speaker was found. */
	d->art.quotes = tree_quotes;
	d->art.nquotes = 2;
	check(d, "tree", 0, false,
	    "quote Jean Dupont (named with a reporting cue): Citation\n"
	    "quote - (no speaker named): Titre\n");
	doc_free(d);
}

static void
test_sink_failure(void **state)
{
	struct cnt c = { 0, -1, 0 };
	struct ap_allocator al = { cnt_malloc, cnt_realloc, cnt_free, &c };
	struct mem m = { NULL, 0, 0, true };
	struct ap_sink sink = { mem_write, &m };
	struct ap_doc *d = sample(&al);
	size_t i;

	(void)state;
	for (i = 0; ap_writer_name(i) != NULL; i++) {
		m.calls = 0;
		assert_int_equal(ap_render(d, ap_writer_find(ap_writer_name(i)),
		    NULL, &sink), AP_EIO);
		assert_int_equal(m.calls, 1);
		assert_null(m.p);
		assert_int_equal(c.live, 0);
	}
	doc_free(d);
}

/* Allocation N fails for N = 0, 1, …: AP_ENOMEM, no write, no leak. */
static void
test_oom(void **state)
{
	static struct ap_body body[200];
	struct cnt c = { 0, -1, 0 };
	struct ap_allocator al = { cnt_malloc, cnt_realloc, cnt_free, &c };
	struct ap_wopts wo = { .width = 30, .pretty = true,
	    .keep_boilerplate = true };
	struct ap_sink sink;
	struct mem m;
	struct ap_doc *d = sample(&al);
	char *want;
	size_t i;
	long n;
	int rc;

	(void)state;
	for (i = 0; i < 200; i++) {
		body[i].type = (enum ap_btype)(i % 4);
		body[i].text = LONGP " " GLUED;
	}
	d->art.body = body;
	d->art.nbody = 200;
	keep_boilerplate = true;
	for (i = 0; ap_writer_name(i) != NULL; i++) {
		want = render(d, ap_writer_name(i), 30, true);
		for (n = 0;; n++) {
			memset(&m, 0, sizeof(m));
			sink.write = mem_write;
			sink.arg = &m;
			c.calls = 0;
			c.limit = n;
			rc = ap_render(d, ap_writer_find(ap_writer_name(i)),
			    &wo, &sink);
			assert_int_equal(c.live, 0);
			if (rc == AP_OK)
				break;
			assert_int_equal(rc, AP_ENOMEM);
			assert_int_equal(m.calls, 0);
			assert_true(n < 1000);
		}
		/* The first allocation at least must have been tried. */
		assert_true(n > 0);
		assert_string_equal(m.p, want);
		free(m.p);
		free(want);
		c.limit = -1;
	}
	keep_boilerplate = false;
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_registry),
		cmocka_unit_test(test_json_sample),
		cmocka_unit_test(test_json_pretty),
		cmocka_unit_test(test_json_escape),
		cmocka_unit_test(test_json_valid),
		cmocka_unit_test(test_md_sample),
		cmocka_unit_test(test_md_escape),
		cmocka_unit_test(test_md_roundtrip),
		cmocka_unit_test(test_md_related),
		cmocka_unit_test(test_text_sample),
		cmocka_unit_test(test_dateline),
		cmocka_unit_test(test_text_wrap),
		cmocka_unit_test(test_text_wrap_all_widths),
		cmocka_unit_test(test_text_wide),
		cmocka_unit_test(test_tree),
		cmocka_unit_test(test_sink_failure),
		cmocka_unit_test(test_oom),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
