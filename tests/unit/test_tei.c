/* SPDX-License-Identifier: ISC */
/*
 * The XML escaper and the TEI writer: characters XML 1.0 cannot carry are
 * dropped, markup is escaped, and whatever the article holds the output
 * is well-formed XML (parsed back with libxml2) with its metadata where
 * TEI puts it: dates in W3C form, speakers as persons the quotes point at.
 * Validity against the TEI schema is make check-tei's (jing).
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

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "artparse.h"
#include "arena.h"
#include "buf.h"
#include "doc.h"
#include "esc.h"

struct mem {
	char	*p;
	size_t	 len;
};

static int
mem_write(void *arg, const char *p, size_t sz)
{
	struct mem *m = arg;

	m->p = malloc(sz + 1);
	assert_non_null(m->p);
	memcpy(m->p, p, sz);
	m->p[sz] = '\0';
	m->len = sz;
	return 0;
}

static char *
esc(void (*fn)(struct ap_buf *, const char *), const char *s)
{
	struct ap_arena ar;
	struct ap_buf b;
	char *r;

	ap_arena_init(&ar, NULL);
	ap_buf_init(&b, &ar);
	fn(&b, s);
	r = strdup(b.p);
	ap_arena_fini(&ar);
	assert_non_null(r);
	return r;
}

static void
check_esc(void (*fn)(struct ap_buf *, const char *), const char *in,
    const char *want)
{
	char *got = esc(fn, in);

	assert_string_equal(got, want);
	free(got);
}

static void
test_esc_xml(void **state)
{
	(void)state;
	check_esc(ap_esc_xml, "a & b <c> \"d\" 'e'",
	    "a &amp; b &lt;c&gt; \"d\" 'e'");
	/* C0 controls but tab, LF, CR, and U+FFFE/U+FFFF are not XML. */
	check_esc(ap_esc_xml, "x\x01y\x1bz\t\n|\xef\xbf\xbe|\xef\xbf\xbf|",
	    "xyz\t\n|||");
	check_esc(ap_esc_xml, "a\r\nb", "a&#13;\nb");
	/* Bad UTF-8 becomes U+FFFD; DEL and C1 are allowed characters. */
	check_esc(ap_esc_xml, "\xff\xc3(\x7f\xc2\x85",
	    "\xef\xbf\xbd\xef\xbf\xbd(\x7f\xc2\x85");
	check_esc(ap_esc_xml, "«" "\xc2\xa0" "été" "\xc2\xa0" "»",
	    "«" "\xc2\xa0" "été" "\xc2\xa0" "»");
	/* Attributes keep " and the white space normalisation would eat. */
	check_esc(ap_esc_xml_attr, "a\"b\tc\nd&\r",
	    "a&quot;b&#9;c&#10;d&amp;&#13;");
	check_esc(ap_esc_xml_url, "https://ex.org/été à?q=1&r=<2>#f",
	    "https://ex.org/%C3%A9t%C3%A9%20%C3%A0?q=1&amp;r=%3C2%3E#f");
}

static struct ap_doc *
doc_new(void)
{
	struct ap_doc *d = calloc(1, sizeof(*d));

	assert_non_null(d);
	ap_arena_init(&d->arena, NULL);
	return d;
}

static void
doc_free(struct ap_doc *d)
{
	ap_arena_fini(&d->arena);
	free(d);
}

static char *
render_tei_wo(const struct ap_doc *d, const struct ap_wopts *wo)
{
	struct mem m = { NULL, 0 };
	struct ap_sink sink = { mem_write, &m };

	assert_int_equal(ap_render(d, ap_writer_find("tei"), wo, &sink),
	    AP_OK);
	assert_non_null(m.p);
	return m.p;
}

static char *
render_tei(const struct ap_doc *d)
{
	return render_tei_wo(d, NULL);
}

/* The output parsed by libxml2, which fails the test if not XML. */
static xmlDocPtr
parse(const char *s)
{
	xmlDocPtr x = xmlReadMemory(s, (int)strlen(s), "tei.xml", NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

	if (x == NULL)
		fail_msg("not well-formed XML:\n%s", s);
	return x;
}

/* The string value of XPath "expr" (prefix t: the TEI namespace). */
static char *
xpath(xmlDocPtr x, const char *expr)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(x);
	xmlXPathObjectPtr o;
	xmlChar *s;
	char *r;

	assert_non_null(ctx);
	xmlXPathRegisterNs(ctx, BAD_CAST "t",
	    BAD_CAST "http://www.tei-c.org/ns/1.0");
	o = xmlXPathEvalExpression(BAD_CAST expr, ctx);
	assert_non_null(o);
	s = xmlXPathCastToString(o);
	r = strdup((const char *)s);
	xmlFree(s);
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(ctx);
	return r;
}

static void
check_xpath(xmlDocPtr x, const char *expr, const char *want)
{
	char *got = xpath(x, expr);

	if (strcmp(got, want) != 0)
		fail_msg("%s: got \"%s\", want \"%s\"", expr, got, want);
	free(got);
}

static struct ap_author authors[] = {
	{ "Catherine Morin", "Éditrice" },
	{ "Jean Dupont", NULL },
};

static struct ap_body body[] = {
	{ .type = AP_BODY_PARAGRAPH, .text = "Le maire a dit : « Nous "
	    "verrons. » Puis « Rien. »" },
	{ .type = AP_BODY_HEADING, .text = "Un intertitre" },
	{ .type = AP_BODY_QUOTE, .text = "« Il faut agir », selon Marie "
	    "Curie." },
	{ .type = AP_BODY_LISTITEM, .text = "un" },
	{ .type = AP_BODY_LISTITEM, .text = "deux" },
	{ .type = AP_BODY_PARAGRAPH, .text = "Fin." },
};

static struct ap_quote quotes[] = {
	{ "Nous verrons.", "Paul Roux", "maire", 0, NULL },
	{ "Rien.", "Paul Roux", NULL, 0, NULL },
	{ "Il faut agir", "Marie Curie", NULL, 2, NULL },
	{ "absent du texte", "Marie Curie", NULL, 5, NULL },
	{ "projet", "Jean Dupont", NULL, SIZE_MAX, NULL },
	{ "chapô", NULL, NULL, SIZE_MAX - 1, NULL },
};

static struct ap_related related[] = {
	{ "Autre article", "Résumé", "https://example.org/b c" },
	{ "Sans lien", NULL, NULL },
};

static struct ap_doc *
sample(void)
{
	struct ap_doc *d = doc_new();
	struct ap_article *a = &d->art;

	a->headline = "Le « projet » avance";
	a->standfirst = "Un chapô.";
	a->authors = authors;
	a->nauthors = 2;
	a->date = "2024-03-01T08:00+0100";
	a->date_modified = "2024-03-02";
	a->site_name = "Le Site";
	a->lang = "fr";
	a->url = "https://example.org/a";
	a->body = body;
	a->nbody = sizeof(body) / sizeof(body[0]);
	a->quotes = quotes;
	a->nquotes = sizeof(quotes) / sizeof(quotes[0]);
	a->related = related;
	a->nrelated = 2;
	a->source_path = "in.html";
	a->source_type = "html";
	a->source_encoding = "UTF-8";
	return d;
}

static void
test_tei_sample(void **state)
{
	static const char head[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	    "\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"fr\">\n";
	struct ap_doc *d = sample();
	char *out = render_tei(d);
	xmlDocPtr x = parse(out);

	(void)state;
	assert_true(strncmp(out, head, strlen(head)) == 0);
	check_xpath(x, "//t:titleStmt/t:title", "Le « projet » avance");
	check_xpath(x, "count(//t:titleStmt/t:author)", "2");
	check_xpath(x, "//t:titleStmt/t:author[1]/t:roleName", "Éditrice");
	check_xpath(x, "//t:publicationStmt/t:publisher", "Le Site");
	check_xpath(x, "//t:publicationStmt/t:date/@when",
	    "2024-03-01T08:00:00+01:00");
	check_xpath(x, "//t:sourceDesc//t:date[@type='modified']/@when",
	    "2024-03-02");
	check_xpath(x, "//t:sourceDesc//t:idno[@type='file']", "in.html");
	check_xpath(x, "//t:application/@ident", "artparse");
	check_xpath(x, "//t:language/@ident", "fr");
	/* One person per speaker, in order of first quote; the headline's
	 * quote names a speaker too. */
	check_xpath(x, "count(//t:listPerson/t:person)", "3");
	check_xpath(x, "//t:person[@xml:id='speaker-1']/t:persName",
	    "Paul Roux");
	check_xpath(x, "//t:person[@xml:id='speaker-1']/t:occupation",
	    "maire");
	check_xpath(x, "//t:person[@xml:id='speaker-2']/t:persName",
	    "Marie Curie");
	/* Quotes marked in their block, each after the one before. */
	check_xpath(x, "count(//t:body//t:q)", "3");
	check_xpath(x, "//t:body/t:p[1]/t:q[2]", "Rien.");
	check_xpath(x, "//t:body/t:p[1]/t:q[2]/@who", "#speaker-1");
	check_xpath(x, "//t:div/t:quote/t:q/@who", "#speaker-2");
	check_xpath(x, "//t:body/t:p[1]", body[0].text);
	/* Paragraphs before the first subheading, then a div per head. */
	check_xpath(x, "//t:body/t:div/t:head", "Un intertitre");
	check_xpath(x, "count(//t:body/t:div/t:list/t:item)", "2");
	check_xpath(x, "//t:body/t:div/t:p", "Fin.");
	check_xpath(x, "//t:front/t:argument/t:p", "Un chapô.");
	/* Quotations in the headline and standfirst, marked there. */
	check_xpath(x, "//t:front//t:titlePart/t:q/@who", "#speaker-3");
	check_xpath(x, "//t:front//t:titlePart", "Le « projet » avance");
	check_xpath(x, "//t:front/t:argument/t:p/t:q", "chapô");
	check_xpath(x, "//t:front/t:byline",
	    "Par Catherine Morin (Éditrice), Jean Dupont");
	check_xpath(x, "//t:back//t:list[@type='related']/t:item[1]/t:ref/"
	    "@target", "https://example.org/b%20c");
	check_xpath(x, "//t:back//t:item[2]", "Sans lien");
	xmlFreeDoc(x);
	free(out);
	doc_free(d);
}

/* @when only for what it can say in W3C form; the text as given. */
static void
check_when(const char *date, const char *want)
{
	struct ap_doc *d = doc_new();
	char *out, *got;
	xmlDocPtr x;

	d->art.date = date;
	out = render_tei(d);
	x = parse(out);
	got = xpath(x, "//t:sourceDesc//t:date[@type='published']/@when");
	if (strcmp(got, want) != 0)
		fail_msg("%s: when=\"%s\", want \"%s\"", date, got, want);
	free(got);
	check_xpath(x, "//t:sourceDesc//t:date[@type='published']", date);
	xmlFreeDoc(x);
	free(out);
	doc_free(d);
}

static void
test_tei_dates(void **state)
{
	(void)state;
	check_when("2024-03-01", "2024-03-01");
	check_when("2024-03", "2024-03");
	check_when("2024", "2024");
	check_when("2023-09-27T11:47", "2023-09-27T11:47:00");
	check_when("2023-09-27 11:47:05", "2023-09-27T11:47:05");
	check_when("2023-09-27T11:47:05.123Z", "2023-09-27T11:47:05Z");
	check_when("2023-09-27T11:47:05-05:00", "2023-09-27T11:47:05-05:00");
	check_when("2023-09-27T11:47+0200", "2023-09-27T11:47:00+02:00");
	check_when("2023-09-27T11h47", "2023-09-27");
	check_when("27/09/2023", "");
	check_when("20230927", "");
	/* Values XML Schema refuses are left out, from there on. */
	check_when("2024-02-30", "2024-02");
	check_when("2024-02-29", "2024-02-29");
	check_when("2023-02-29", "2023-02");
	check_when("2024-13-01", "2024");
	check_when("0000-01-01", "");
	check_when("2024-03-01T25:00", "2024-03-01");
	check_when("2024-03-01T10:61", "2024-03-01");
	check_when("2024-03-01T10:15:75", "2024-03-01");
	check_when("2024-03-01T10:15+2500", "2024-03-01T10:15:00");
	check_when("2024-03-01T10:15:07+05:30", "2024-03-01T10:15:07+05:30");
}

/* Hostile text in every field: still XML, and no empty body. */
static void
test_tei_hostile(void **state)
{
	static const char *const nasty[] = {
		"", " ", "<p>&amp;</p>", "]]>", "\x01\x02\x1b[31m",
		"\xff\xfe\xc3\x28", "\xef\xbf\xbe", "a\"b'c", "--><!--",
	};
	struct ap_author au = { NULL, NULL };
	struct ap_body bo[2];
	struct ap_quote q = { NULL, NULL, NULL, 0, NULL };
	struct ap_related r = { NULL, NULL, NULL };
	struct ap_doc *d;
	char *out;
	xmlDocPtr x;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(nasty) / sizeof(nasty[0]); i++) {
		d = doc_new();
		d->art.headline = d->art.standfirst = d->art.date =
		    d->art.site_name = d->art.lang = d->art.url =
		    d->art.source_path = nasty[i];
		au.name = au.role = nasty[i];
		d->art.authors = &au;
		d->art.nauthors = 1;
		memset(bo, 0, sizeof(bo));
		bo[0].type = AP_BODY_HEADING;
		bo[0].text = nasty[i];
		bo[1].type = AP_BODY_LISTITEM;
		bo[1].text = nasty[i];
		d->art.body = bo;
		d->art.nbody = 2;
		q.text = q.speaker = nasty[i];
		d->art.quotes = &q;
		d->art.nquotes = 1;
		r.title = r.summary = r.url = nasty[i];
		d->art.related = &r;
		d->art.nrelated = 1;
		out = render_tei(d);
		x = parse(out);
		check_xpath(x, "count(/t:TEI/t:text/t:body)", "1");
		xmlFreeDoc(x);
		free(out);
		doc_free(d);
	}
	/* No body at all (--allow-empty): TEI wants one element. */
	d = doc_new();
	out = render_tei(d);
	x = parse(out);
	check_xpath(x, "count(//t:body/t:p)", "1");
	check_xpath(x, "count(//t:profileDesc)", "0");
	xmlFreeDoc(x);
	free(out);
	doc_free(d);
}

#define LI(l, d, o, s) { .type = AP_BODY_LISTITEM, .text = (s), \
	.list = (l), .depth = (d), .ordered = (o) }

/* Nesting as the items say, a list id change starts a new list, and a
 * jump of two levels gets an empty item to hold the inner list. */
static void
test_tei_lists(void **state)
{
	static struct ap_body items[] = {
		LI(1, 1, false, "a"),
		LI(1, 2, true, "a1"),
		LI(1, 2, true, "a2"),
		LI(1, 1, false, "b"),
		LI(1, 3, false, "b-deep"),
		{ .type = AP_BODY_PARAGRAPH, .text = "entre" },
		LI(2, 1, true, "x"),
		LI(3, 1, false, "y"),
	};
	struct ap_doc *d = doc_new();
	char *out;
	xmlDocPtr x;

	(void)state;
	d->art.body = items;
	d->art.nbody = sizeof(items) / sizeof(items[0]);
	out = render_tei(d);
	x = parse(out);
	check_xpath(x, "count(/t:TEI/t:text/t:body/t:list)", "3");
	check_xpath(x, "/t:TEI/t:text/t:body/t:list[1]/@rend", "bulleted");
	check_xpath(x, "count(//t:body/t:list[1]/t:item)", "2");
	check_xpath(x, "//t:body/t:list[1]/t:item[1]/t:list/@rend",
	    "numbered");
	check_xpath(x, "//t:body/t:list[1]/t:item[1]/t:list/t:item[2]", "a2");
	check_xpath(x, "//t:body/t:list[1]/t:item[2]/t:list/t:item/t:list/"
	    "t:item", "b-deep");
	check_xpath(x, "//t:body/t:p", "entre");
	check_xpath(x, "//t:body/t:list[2]/t:item", "x");
	check_xpath(x, "//t:body/t:list[3]/@rend", "bulleted");
	xmlFreeDoc(x);
	free(out);
	doc_free(d);
}

static void
test_tei_table_figures(void **state)
{
	static struct ap_cell head[] = { { "Poste", true }, { "Montant",
	    true } };
	static struct ap_cell line[] = { { "Voirie", false }, { "12 M€ & <",
	    false } };
	static struct ap_row rows[] = { { head, 2 }, { NULL, 0 },
	    { line, 2 } };
	static const struct ap_table tb = { rows, 3, 2, "Budget" };
	static const struct ap_table empty = { rows + 1, 1, 0, NULL };
	static struct ap_body bo[] = {
		{ .type = AP_BODY_PARAGRAPH, .text = "Avant." },
		{ .type = AP_BODY_TABLE, .text = "Poste | Montant", .table = &tb },
		{ .type = AP_BODY_TABLE, .text = "vide", .table = &empty },
		LI(1, 1, false, "item"),
	};
	static struct ap_figure fig[] = {
		{ "https://ex.org/a b.jpg", "Texte alt", "Légende",
		    "Jean Martin / AFP", SIZE_MAX },
		{ "https://ex.org/c.jpg", NULL, NULL, NULL, 3 },
		{ NULL, NULL, "Sans image", NULL, 0 },
	};
	struct ap_doc *d = doc_new();
	char *out;
	xmlDocPtr x;

	(void)state;
	d->art.body = bo;
	d->art.nbody = sizeof(bo) / sizeof(bo[0]);
	d->art.figures = fig;
	d->art.nfigures = 3;
	out = render_tei(d);
	x = parse(out);
	check_xpath(x, "//t:body/t:table/t:head", "Budget");
	check_xpath(x, "//t:body/t:table/@rows", "2");
	check_xpath(x, "//t:table/t:row[1]/@role", "label");
	check_xpath(x, "//t:table/t:row[1]/t:cell[2]/@role", "label");
	check_xpath(x, "count(//t:table/t:row[2]/@role)", "0");
	check_xpath(x, "//t:table/t:row[2]/t:cell[2]", "12 M€ & <");
	/* A table without a cell is its text. */
	check_xpath(x, "//t:body/t:p[2]", "vide");
	check_xpath(x, "//t:body/*[1]/t:graphic/@url",
	    "https://ex.org/a%20b.jpg");
	check_xpath(x, "//t:body/*[1]/t:head", "Légende");
	check_xpath(x, "//t:body/*[1]/t:figDesc", "Texte alt");
	check_xpath(x, "//t:body/*[1]/t:note[@type='credit']",
	    "Jean Martin / AFP");
	check_xpath(x, "local-name(//t:body/*[3])", "figure");
	check_xpath(x, "//t:body/*[3]/t:head", "Sans image");
	check_xpath(x, "count(//t:body/*[3]/t:graphic)", "0");
	/* After a list item: inside it. */
	check_xpath(x, "//t:list/t:item/t:figure/t:graphic/@url",
	    "https://ex.org/c.jpg");
	xmlFreeDoc(x);
	free(out);
	doc_free(d);
}

/* Offsets in code points; spans nest or are left out; each option
 * shows its own kind only. */
static void
test_tei_spans(void **state)
{
	static const struct ap_span sp[] = {
		/* "Élodie" em, "à Paris" link, "Paris dit" crosses it */
		{ AP_SPAN_EM, 0, 6, NULL },
		{ AP_SPAN_LINK, 11, 18, "https://ex.org/p?a=1&b=2" },
		{ AP_SPAN_STRONG, 13, 22, NULL },
		{ AP_SPAN_LINK, 0, 3, NULL },
		{ AP_SPAN_STRONG, 30, 40, NULL },
	};
	static struct ap_body bo[] = {
		{ .type = AP_BODY_PARAGRAPH,
		    .text = "Élodie est à Paris dit-elle" },
	};
	struct ap_wopts wo = { .links = true, .formatting = true };
	struct ap_doc *d = doc_new();
	char *out;
	xmlDocPtr x;

	(void)state;
	bo[0].spans = sp;
	bo[0].nspans = sizeof(sp) / sizeof(sp[0]);
	d->art.body = bo;
	d->art.nbody = 1;
	out = render_tei_wo(d, &wo);
	assert_non_null(strstr(out, "<p><hi rend=\"italic\">Élodie</hi> est "
	    "<ref target=\"https://ex.org/p?a=1&amp;b=2\">à Paris</ref> "
	    "dit-elle</p>"));
	x = parse(out);
	check_xpath(x, "//t:body/t:p", bo[0].text);
	xmlFreeDoc(x);
	free(out);
	wo.links = false;
	out = render_tei_wo(d, &wo);
	assert_non_null(strstr(out, "<p><hi rend=\"italic\">Élodie</hi> est "
	    "à <hi rend=\"bold\">Paris dit</hi>-elle</p>"));
	free(out);
	out = render_tei(d);
	assert_non_null(strstr(out, "<p>Élodie est à Paris dit-elle</p>"));
	free(out);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_esc_xml),
		cmocka_unit_test(test_tei_sample),
		cmocka_unit_test(test_tei_dates),
		cmocka_unit_test(test_tei_hostile),
		cmocka_unit_test(test_tei_lists),
		cmocka_unit_test(test_tei_table_figures),
		cmocka_unit_test(test_tei_spans),
	};
	int rc;

	rc = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
