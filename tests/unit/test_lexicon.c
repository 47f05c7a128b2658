/* SPDX-License-Identifier: ISC */
/*
 * The word lists: folding for matching, the three cue lookups (prefix at
 * a word boundary, whole block, anywhere at a word start), stopword
 * counts, language tags and the language guess.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include <dirent.h>
#include <stdio.h>

#include "helpers.h"
#include "data_lines.h"
#include "dates.h"
#include "html_tree.h"
#include "lexicon.h"

/* Fold a C string into a static buffer. */
static const char *
fold(const char *s)
{
	static char out[256];

	ap_fold(s, strlen(s), out, sizeof(out));
	return out;
}

static void
fold_lowers_ascii(void **state)
{
	(void)state;
	assert_string_equal(fold("Par JEANNE Dupont"), "par jeanne dupont");
}

static void
fold_lowers_accented_capitals(void **state)
{
	(void)state;
	/* É À Ç Œ → é à ç œ */
	assert_string_equal(fold("ÉTÉ À ÇA ŒUVRE"), "été à ça œuvre");
}

static void
fold_typographic_apostrophe(void **state)
{
	(void)state;
	/* ’ ‘ ʼ → ' */
	assert_string_equal(fold("L’avion d‘abord ʼ"), "l'avion d'abord '");
}

static void
fold_nbsp_to_space(void **state)
{
	(void)state;
	/* NBSP, narrow NBSP, thin space → space */
	assert_string_equal(fold("Photo" NBSP ": A" NNBSP "B" THINSP "C"),
	    "photo : a b c");
}

static void
fold_collapses_space_runs(void **state)
{
	(void)state;
	assert_string_equal(fold("  Lire \t aussi" NBSP " \n:"),
	    "lire aussi :");
}

static void
fold_returns_length(void **state)
{
	char out[64];

	(void)state;
	assert_int_equal(ap_fold("Été", 5, out, sizeof(out)), 5);
	assert_string_equal(out, "été");
}

static void
fold_respects_capacity(void **state)
{
	char out[8];
	size_t n;

	(void)state;
	memset(out, 'x', sizeof(out));
	n = ap_fold("abcdefghijklmnop", 16, out, sizeof(out));
	assert_true(n < sizeof(out));
	assert_int_equal(strlen(out), n);
	assert_memory_equal(out, "abcdefghijklmnop", n);
}

static void
fold_zero_capacity_writes_nothing(void **state)
{
	char out[1] = { 'x' };

	(void)state;
	assert_int_equal(ap_fold("abc", 3, out, 0), 0);
	assert_int_equal(out[0], 'x');
}

/* Every phrase of data/cues-*.txt (run from the source tree): a cue. */
static void
every_cue_found(void **state)
{
	char line[512], path[300], *tab;
	struct dirent *de;
	size_t n = 0;
	DIR *dir;
	FILE *fp;

	(void)state;
	ap_cue_langs(AP_LANG_ALL);
	if ((dir = opendir("data")) == NULL)
		skip();
	while ((de = readdir(dir)) != NULL) {
		if (strncmp(de->d_name, "cues-", 5) != 0)
			continue;
		snprintf(path, sizeof(path), "data/%s", de->d_name);
		assert_non_null(fp = fopen(path, "r"));
		while (t_data_line(fp, line, sizeof(line)) != NULL) {
			if ((tab = strchr(line, '\t')) == NULL)
				continue;
			if (ap_cue_classes(tab + 1, NULL) == 0)
				fail_msg("%s: \"%s\" not found", path,
				    tab + 1);
			n++;
		}
		fclose(fp);
	}
	closedir(dir);
	ap_cue_langs(1u << AP_LANG_FR);
	assert_true(n > 1000);
	/* A phrase that starts with no letter, a first word with accents,
	 * and a word that only starts like a cue's. */
	assert_true(ap_cue_classes("© afp", NULL) != 0);
	assert_true(ap_cue_classes("ähnlicher artikel", NULL) == 0);
}

/* Every token pattern of data/class-cues.txt (a word, a start of one,
 * words in a row) gives its cues as a class name, words joined by '-',
 * and an affix also at the end of a token. */
static void
every_class_token_found(void **state)
{
	char line[512], glued[520], *f[3], *c;
	size_t n = 0;
	FILE *fp;

	(void)state;
	if ((fp = fopen("data/class-cues.txt", "r")) == NULL)
		skip();
	while (t_data_line(fp, line, sizeof(line)) != NULL) {
		if ((f[1] = strchr(line, '\t')) == NULL ||
		    (f[2] = strchr(f[1] + 1, '\t')) == NULL)
			continue;
		*f[1]++ = '\0';
		*f[2]++ = '\0';
		if ((strcmp(f[1], "word") != 0 && strcmp(f[1], "prefix") != 0 &&
		    strcmp(f[1], "affix") != 0) || f[2][0] == '-')
			continue;
		for (c = line; *c != '\0'; c++)
			if (*c == ' ')
				*c = '-';
		if (ap_class_cues(line) == 0)
			fail_msg("class \"%s\" gives no cue", line);
		/* An affix also ends a token: "nodeheader". */
		snprintf(glued, sizeof(glued), "node%s", line);
		if (strcmp(f[1], "affix") == 0 && strchr(line, '-') == NULL &&
		    ap_class_cues(glued) == 0)
			fail_msg("class \"%s\" gives no cue", glued);
		n++;
	}
	fclose(fp);
	assert_true(n > 100);
	assert_int_equal(ap_class_cues("zq-xw"), 0);
	assert_int_equal(ap_class_cues("q"), 0);
}

static void
prefix_matches_at_word_end(void **state)
{
	(void)state;
	assert_int_equal(ap_cue_prefix("par jeanne dupont", CUE_BYLINE), 3);
	assert_int_equal(ap_cue_prefix("par", CUE_BYLINE), 3);
}

static void
prefix_rejects_inside_word(void **state)
{
	(void)state;
	/* "Parmi les députés" does not start with the cue "par". */
	assert_int_equal(ap_cue_prefix(fold("Parmi les députés"),
	    CUE_BYLINE), 0);
	assert_int_equal(ap_cue_prefix("partager", CUE_BYLINE), 0);
}

static void
prefix_rejects_before_accented_letter(void **state)
{
	(void)state;
	/* "Parés" continues the word with a non-ASCII letter. */
	assert_int_equal(ap_cue_prefix("parés au départ",
	    CUE_BYLINE), 0);
}

static void
prefix_takes_longest_cue(void **state)
{
	(void)state;
	/* "rédaction" and "rédaction en ligne" are both agency cues. */
	assert_int_equal(ap_cue_prefix(fold("Rédaction en ligne"),
	    CUE_AGENCY), strlen("rédaction en ligne"));
}

static void
prefix_is_per_class(void **state)
{
	(void)state;
	assert_int_equal(ap_cue_prefix("par jeanne", CUE_RELATED), 0);
	assert_true(ap_cue_prefix("lire aussi : x", CUE_RELATED) > 0);
}

static void
prefix_punctuation_cue_ends_anywhere(void **state)
{
	(void)state;
	/* "photo :" ends in punctuation, so "photo :jean" still matches. */
	assert_int_equal(ap_cue_prefix("photo :jean martin", CUE_CREDIT), 7);
}

static void
prefix_empty_string(void **state)
{
	(void)state;
	assert_int_equal(ap_cue_prefix("", CUE_BYLINE), 0);
}

static void
whole_articles_connexes(void **state)
{
	(void)state;
	assert_true(ap_cue_whole(fold("Articles connexes"), CUE_RELATED));
}

static void
whole_allows_final_punctuation(void **state)
{
	(void)state;
	assert_true(ap_cue_whole(fold("À lire aussi :"), CUE_RELATED));
	assert_true(ap_cue_whole(fold("À lire aussi" NBSP ":"),
	    CUE_RELATED));
	assert_true(ap_cue_whole(fold("Sur le même sujet."),
	    CUE_RELATED));
	assert_true(ap_cue_whole(fold("Voir aussi ›"),
	    CUE_RELATED));
}

static void
whole_rejects_following_words(void **state)
{
	(void)state;
	assert_false(ap_cue_whole(fold("Lire aussi : Le prix du gaz"),
	    CUE_RELATED));
	assert_false(ap_cue_whole(fold("Articles connexes 2"), CUE_RELATED));
}

/* Whether a cue of class c starts at any word start of s. */
static bool
any_cue(const char *s, enum ap_cue c)
{
	return (ap_cue_classes_anywhere(fold(s)) & (1u << c)) != 0;
}

static void
anywhere_finds_cue_at_word_start(void **state)
{
	(void)state;
	assert_true(any_cue("12 commentaires", CUE_COMMENTS));
	assert_true(any_cue("Le Monde avec AFP", CUE_AGENCY));
	assert_true(any_cue("(AFP)", CUE_AGENCY));
}

static void
anywhere_rejects_inside_word(void **state)
{
	(void)state;
	/* "rap" holds "ap", "chaps" holds "ap" and "aps". */
	assert_false(any_cue("Un rap sur les chaps", CUE_AGENCY));
	assert_false(any_cue("Les comparses", CUE_BYLINE));
}

#define COUNT(s, m, w)	ap_stopword_count((s), strlen(s), (m), (w))
#define LANG(l)		(1u << (l))

static void
stopwords_count_french(void **state)
{
	size_t words;

	(void)state;
	/* le, de, la, et, ses, à: six of ten words. */
	assert_int_equal(COUNT("Le maire de la ville et ses adjoints à Lyon",
	    LANG(AP_LANG_FR), &words), 6);
	assert_int_equal(words, 10);
}

static void
stopwords_any_case_and_accents(void **state)
{
	size_t words;

	(void)state;
	/* "À" folds to "à", "ÉTAIT" to "était", "DANS" to "dans". */
	assert_int_equal(COUNT("À MIDI, IL ÉTAIT DANS LA RUE", LANG(AP_LANG_FR),
	    &words), 5);
	assert_int_equal(words, 7);
}

static void
stopwords_split_at_apostrophes(void **state)
{
	size_t words;

	(void)state;
	/* l’ and qu' are words of their own: l, qu, il, a. */
	assert_int_equal(COUNT("l’homme qu'il a vu", LANG(AP_LANG_FR), &words),
	    4);
	assert_int_equal(words, 6);
}

static void
stopwords_only_languages_in_mask(void **state)
{
	const char *en = "the cat sat on the mat with a cap";

	(void)state;
	assert_int_equal(COUNT(en, LANG(AP_LANG_EN), NULL), 5);
	assert_int_equal(COUNT(en, LANG(AP_LANG_DE), NULL), 0);
	/* "on" and "a" are French too. */
	assert_int_equal(COUNT(en, LANG(AP_LANG_FR), NULL), 2);
	assert_int_equal(COUNT(en, 0, NULL), 0);
}

static void
stopwords_word_count_without_mask(void **state)
{
	size_t words = 99;

	(void)state;
	assert_int_equal(COUNT("", AP_LANG_ALL, &words), 0);
	assert_int_equal(words, 0);
	assert_int_equal(COUNT("  ... — 12 ans, 3,5 %", 0, &words), 0);
	assert_int_equal(words, 4);
}

static void
stopwords_long_word_is_no_stopword(void **state)
{
	size_t words;

	(void)state;
	assert_int_equal(COUNT("anticonstitutionnellement dedededededededededededede",
	    AP_LANG_ALL, &words), 0);
	assert_int_equal(words, 2);
}

static void
stopwords_invalid_utf8(void **state)
{
	size_t words;

	(void)state;
	assert_int_equal(COUNT("der \xff\xfe Hund und \xc3", LANG(AP_LANG_DE),
	    &words), 2);
	assert_int_equal(words, 3);
}

static void
lang_from_tags(void **state)
{
	(void)state;
	assert_int_equal(ap_lang_from_tag("fr"), LANG(AP_LANG_FR));
	assert_int_equal(ap_lang_from_tag("en-US"), LANG(AP_LANG_EN));
	assert_int_equal(ap_lang_from_tag("DE-ch"), LANG(AP_LANG_DE));
	assert_int_equal(ap_lang_from_tag("pt_BR"), LANG(AP_LANG_PT));
	assert_int_equal(ap_lang_from_tag("nld"), LANG(AP_LANG_NL));
	assert_int_equal(ap_lang_from_tag(" es-419"), LANG(AP_LANG_ES));
	assert_int_equal(ap_lang_from_tag("it"), LANG(AP_LANG_IT));
	assert_int_equal(ap_lang_from_tag("fi"), LANG(AP_LANG_FI));
	assert_int_equal(ap_lang_from_tag("fin"), LANG(AP_LANG_FI));
	assert_int_equal(ap_lang_from_tag("sv-SE"), LANG(AP_LANG_SV));
	assert_int_equal(ap_lang_from_tag("swe"), LANG(AP_LANG_SV));
	assert_int_equal(ap_lang_from_tag("da-DK"), LANG(AP_LANG_DA));
	assert_int_equal(ap_lang_from_tag("dan"), LANG(AP_LANG_DA));
	assert_int_equal(ap_lang_from_tag("pl-PL"), LANG(AP_LANG_PL));
	assert_int_equal(ap_lang_from_tag("pol"), LANG(AP_LANG_PL));
	/* Bokmål, nynorsk and the macrolanguage share one list. */
	assert_int_equal(ap_lang_from_tag("no"), LANG(AP_LANG_NO));
	assert_int_equal(ap_lang_from_tag("nb-NO"), LANG(AP_LANG_NO));
	assert_int_equal(ap_lang_from_tag("nn"), LANG(AP_LANG_NO));
	assert_int_equal(ap_lang_from_tag("nob"), LANG(AP_LANG_NO));
	assert_int_equal(ap_lang_from_tag("nno"), LANG(AP_LANG_NO));
	assert_int_equal(ap_lang_from_tag("nor"), LANG(AP_LANG_NO));
	assert_int_equal(ap_lang_from_tag("ja-JP"), 0);
	assert_int_equal(ap_lang_from_tag("english"), 0);
	assert_int_equal(ap_lang_from_tag(""), 0);
	assert_int_equal(ap_lang_from_tag(NULL), 0);
}

static unsigned
guess(const char *s)
{
	return ap_lang_guess(s, strlen(s));
}

static void
lang_guess_each_language(void **state)
{
	(void)state;
	assert_int_equal(guess("Le gouvernement a annoncé mardi qu'il allait "
	    "revoir la réforme des retraites, dans un contexte de tensions "
	    "sociales et de grèves."), LANG(AP_LANG_FR));
	assert_int_equal(guess("The government said on Tuesday that it would "
	    "review the pension reform, which has been met with strikes and "
	    "protests across the country."), LANG(AP_LANG_EN));
	assert_int_equal(guess("Die Regierung hat am Dienstag angekündigt, "
	    "dass sie die Rentenreform überprüfen wird, die seit Wochen von "
	    "Streiks begleitet wird."), LANG(AP_LANG_DE));
	assert_int_equal(guess("El gobierno anunció el martes que revisará "
	    "la reforma de las pensiones, que ha provocado huelgas y "
	    "protestas en todo el país."), LANG(AP_LANG_ES));
	assert_int_equal(guess("Il governo ha annunciato martedì che "
	    "rivedrà la riforma delle pensioni, che ha provocato scioperi e "
	    "proteste in tutto il paese."), LANG(AP_LANG_IT));
	assert_int_equal(guess("De regering heeft dinsdag aangekondigd dat "
	    "zij de hervorming van de pensioenen zal herzien, die al weken "
	    "tot stakingen leidt."), LANG(AP_LANG_NL));
	assert_int_equal(guess("O governo anunciou na terça-feira que vai "
	    "rever a reforma das pensões, que tem provocado greves e "
	    "protestos em todo o país."), LANG(AP_LANG_PT));
	assert_int_equal(guess("Hallitus ilmoitti tiistaina, että se aikoo "
	    "tarkistaa eläkeuudistuksen, jota on vastustettu lakoilla ja "
	    "mielenosoituksilla eri puolilla maata jo viikkojen ajan."),
	    LANG(AP_LANG_FI));
	assert_int_equal(guess("Regeringen meddelade på tisdagen att den "
	    "ska se över pensionsreformen, som redan har mötts av strejker "
	    "och protester i hela landet."), LANG(AP_LANG_SV));
	assert_int_equal(guess("Regeringen meddelte tirsdag, at den vil "
	    "se på pensionsreformen igen, fordi der har været strejker og "
	    "protester i hele landet i flere uger."), LANG(AP_LANG_DA));
	assert_int_equal(guess("Regjeringen sa tirsdag at den vil se på "
	    "pensjonsreformen igjen, fordi det har vært streiker og "
	    "protester i hele landet gjennom mange uker."), LANG(AP_LANG_NO));
	assert_int_equal(guess("Rząd ogłosił we wtorek, że zamierza "
	    "przejrzeć reformę emerytalną, która od tygodni jest "
	    "przyczyną strajków i protestów w całym kraju."),
	    LANG(AP_LANG_PL));
}

static void
lang_guess_needs_text(void **state)
{
	(void)state;
	assert_int_equal(guess(""), 0);
	assert_int_equal(guess("Accueil"), 0);
	assert_int_equal(ap_lang_guess(NULL, 0), 0);
	/* Words but no function words: no guess. */
	assert_int_equal(guess("Xq zzv plokk wumm brrt snarf glorp quux "
	    "frob blat zot pling"), 0);
}

static void
lang_guess_reads_a_sample_only(void **state)
{
	static char big[20000];
	size_t i;
	const char *en = "the cat and the dog of the house ";

	(void)state;
	/* English first, then far more German: the sample is English. */
	for (i = 0; i + 40 < 4000; i += strlen(en))
		memcpy(big + i, en, strlen(en));
	for (; i + 20 < sizeof(big); i += 16)
		memcpy(big + i, "der die und das ", 16);
	big[i] = '\0';
	assert_int_equal(ap_lang_guess(big, strlen(big)), LANG(AP_LANG_EN));
}

static void
cues_of_enabled_languages_only(void **state)
{
	(void)state;
	/* French alone: German and English labels are no cues. */
	ap_cue_langs(LANG(AP_LANG_FR));
	assert_int_equal(ap_cue_prefix(fold("Mehr zum Thema"), CUE_RELATED), 0);
	assert_false(ap_cue_whole(fold("Related articles"), CUE_RELATED));
	ap_cue_langs(LANG(AP_LANG_FR) | LANG(AP_LANG_DE));
	assert_int_equal(ap_cue_prefix(fold("Mehr zum Thema: Rente"),
	    CUE_RELATED), strlen("mehr zum thema"));
	assert_true(ap_cue_whole(fold("Kommentare"), CUE_COMMENTS));
	assert_false(ap_cue_whole(fold("Related articles"), CUE_RELATED));
	ap_cue_langs(LANG(AP_LANG_FR) | LANG(AP_LANG_EN));
	assert_true(ap_cue_whole(fold("Related articles"), CUE_RELATED));
	assert_true((ap_cue_classes_anywhere(fold("Sign up for our newsletter"))
	    & (1u << CUE_NEWSLETTER)) != 0);
	/* An editor's or fact-checker's credit names no author. */
	assert_int_equal(ap_cue_prefix(fold("Fact checked by Jane Doe"),
	    CUE_CREDIT), strlen("fact checked by"));
	assert_int_equal(ap_cue_prefix(fold("Edited by Jane Doe"),
	    CUE_BYLINE), 0);
	assert_true(ap_cue_whole(fold("Skip to footer"), CUE_SITEWIDE));
	/* A blog engine's widget of recent posts, in each language. */
	assert_true(ap_cue_whole(fold("Recent Posts"), CUE_SITEWIDE));
	ap_cue_langs(LANG(AP_LANG_ES) | LANG(AP_LANG_IT) | LANG(AP_LANG_NL) |
	    LANG(AP_LANG_PT) | LANG(AP_LANG_DE));
	assert_true(ap_cue_whole(fold("Entradas recientes"), CUE_SITEWIDE));
	assert_true(ap_cue_whole(fold("Articoli recenti"), CUE_SITEWIDE));
	assert_true(ap_cue_whole(fold("Recente berichten"), CUE_SITEWIDE));
	assert_true(ap_cue_whole(fold("Posts recentes"), CUE_SITEWIDE));
	assert_true(ap_cue_whole(fold("Letzte Beiträge"), CUE_SITEWIDE));
	ap_cue_langs(LANG(AP_LANG_FI) | LANG(AP_LANG_SV) | LANG(AP_LANG_DA) |
	    LANG(AP_LANG_NO) | LANG(AP_LANG_PL));
	assert_true(ap_cue_whole(fold("Viimeisimmät artikkelit"),
	    CUE_SITEWIDE));
	assert_true(ap_cue_whole(fold("Senaste inläggen"), CUE_SITEWIDE));
	assert_true(ap_cue_whole(fold("Seneste indlæg"), CUE_SITEWIDE));
	assert_true(ap_cue_whole(fold("Siste innlegg"), CUE_SITEWIDE));
	assert_true(ap_cue_whole(fold("Najnowsze wpisy"), CUE_SITEWIDE));
	ap_cue_langs(LANG(AP_LANG_FR) | LANG(AP_LANG_EN));
	/* A page saying it has no article, in each of its languages. */
	assert_true(ap_cue_prefix(fold("Page not found"), CUE_NOTFOUND) > 0);
	ap_cue_langs(LANG(AP_LANG_FR));
	assert_true(ap_cue_prefix(fold("Désolé, cet article n’existe pas !"),
	    CUE_NOTFOUND) > 0);
}

static void
cues_appeals_and_disclosures(void **state)
{
	(void)state;
	/* Appeals to the reader and disclosures inside an article's text
	 * are the site's, in each language (French cues are always on:
	 * they hold the English lines blogs in every language carry). */
	ap_cue_langs(LANG(AP_LANG_EN) | LANG(AP_LANG_FR));
	assert_true(ap_cue_prefix(fold("If you enjoyed reading this post, "
	    "would you consider supporting our work?"), CUE_NEWSLETTER) > 0);
	assert_true(ap_cue_prefix(fold("We want to hear what you think about "
	    "this article."), CUE_NEWSLETTER) > 0);
	assert_true(ap_cue_prefix(fold("This post contains affiliate links."),
	    CUE_COOKIE) > 0);
	assert_true(ap_cue_prefix(fold("Suggested citation: Sauer, Heiko"),
	    CUE_COOKIE) > 0);
	ap_cue_langs(LANG(AP_LANG_DE));
	assert_true(ap_cue_prefix(fold("Klicken Sie auf den unteren Button, "
	    "um den Inhalt zu laden."), CUE_COOKIE) > 0);
	ap_cue_langs(LANG(AP_LANG_FR));
	assert_true(ap_cue_prefix(fold("Si vous avez aimé cet article, "
	    "partagez-le."), CUE_NEWSLETTER) > 0);
	assert_int_equal(ap_cue_prefix(fold("Si vous avez aimé le premier "
	    "film, le second vous plaira."), CUE_NEWSLETTER), 0);
}

static void
cues_related_labels_beyond_the_dev_sites(void **state)
{
	(void)state;
	ap_cue_langs(LANG(AP_LANG_EN));
	assert_true(ap_cue_whole(fold("Read This Next"), CUE_RELATED));
	assert_true(ap_cue_whole(fold("More on this topic"), CUE_RELATED));
	ap_cue_langs(LANG(AP_LANG_FR));
	assert_true(ap_cue_whole(fold("Vous aimerez peut-être aussi"),
	    CUE_RELATED));
	assert_true(ap_cue_whole(fold("Ces articles pourraient aussi vous "
	    "intéresser"), CUE_RELATED));
	ap_cue_langs(LANG(AP_LANG_DE));
	assert_true(ap_cue_whole(fold("Das könnte dich auch interessieren"),
	    CUE_RELATED));
}

static void
cues_french_always_keeps_its_english(void **state)
{
	(void)state;
	/* "By" is in the French list: French sites sign that way too. */
	ap_cue_langs(LANG(AP_LANG_FR));
	assert_int_equal(ap_cue_prefix(fold("By Jane Doe"), CUE_BYLINE), 2);
	ap_cue_langs(LANG(AP_LANG_EN));
	assert_int_equal(ap_cue_prefix(fold("Par Jeanne Dupont"), CUE_BYLINE),
	    0);
	assert_int_equal(ap_cue_prefix(fold("By Jane Doe"), CUE_BYLINE), 2);
	ap_cue_langs(LANG(AP_LANG_FR));
}

static void
cues_each_language_has_each_class(void **state)
{
	static const char *const samples[AP_LANG__MAX][3] = {
		[AP_LANG_FR] = { "lire aussi", "partager", "commentaires" },
		[AP_LANG_EN] = { "read more", "share", "comments" },
		[AP_LANG_DE] = { "weitere artikel", "teilen", "kommentare" },
		[AP_LANG_ES] = { "noticias relacionadas", "compartir",
		    "comentarios" },
		[AP_LANG_IT] = { "leggi anche", "condividi", "commenti" },
		[AP_LANG_NL] = { "lees ook", "deel dit artikel", "reacties" },
		[AP_LANG_PT] = { "leia também", "compartilhar", "comentários" },
		[AP_LANG_FI] = { "lue myös", "jaa", "kommentit" },
		[AP_LANG_SV] = { "läs också", "dela", "kommentarer" },
		[AP_LANG_DA] = { "læs også", "del artiklen", "kommentarer" },
		[AP_LANG_NO] = { "les også", "del artikkelen", "kommentarer" },
		[AP_LANG_PL] = { "czytaj także", "udostępnij", "komentarze" },
	};
	int l;

	(void)state;
	for (l = 0; l < AP_LANG__MAX; l++) {
		ap_cue_langs(1u << l);
		assert_true(ap_cue_whole(samples[l][0], CUE_RELATED));
		assert_true(ap_cue_whole(samples[l][1], CUE_SHARE));
		assert_true(ap_cue_whole(samples[l][2], CUE_COMMENTS));
	}
	ap_cue_langs(LANG(AP_LANG_FR));
}

static void
cues_of_the_nordic_languages_and_polish(void **state)
{
	static const struct {
		enum ap_lang	 lang;
		const char	*text;
		enum ap_cue	 cue;
	} cases[] = {
		{ AP_LANG_FI, "Lue aiheesta lisää: Kittilässä ennätyslumet",
		    CUE_RELATED },
		{ AP_LANG_SV, "Läs också: Regeringen vill se över pensionerna",
		    CUE_RELATED },
		{ AP_LANG_DA, "Læs også: Regeringen vil se på pensionerne",
		    CUE_RELATED },
		{ AP_LANG_NO, "Les også: Regjeringen vil se på pensjonene",
		    CUE_RELATED },
		{ AP_LANG_PL, "Czytaj też: Rząd przejrzy reformę emerytalną",
		    CUE_RELATED },
		{ AP_LANG_FI, "Päivitetty 3.3.2024 klo 14.30", CUE_UPDATED },
		{ AP_LANG_SV, "Publicerad 3 mars 2024", CUE_DATE },
		{ AP_LANG_DA, "Opdateret 3. marts 2024", CUE_UPDATED },
		{ AP_LANG_NO, "Publisert 3. mars 2024", CUE_DATE },
		{ AP_LANG_PL, "Opublikowano 3 marca 2024", CUE_DATE },
	};
	size_t i;
	unsigned on;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		/* French alone, or any other language: no cue. */
		on = AP_LANG_ALL & ~LANG(cases[i].lang);
		ap_cue_langs(on);
		assert_int_equal(ap_cue_prefix(fold(cases[i].text),
		    cases[i].cue), 0);
		ap_cue_langs(LANG(AP_LANG_FR) | LANG(cases[i].lang));
		assert_true(ap_cue_prefix(fold(cases[i].text),
		    cases[i].cue) > 0);
	}
	/* "Del 2" is a part, not Danish or Norwegian "share". */
	ap_cue_langs(LANG(AP_LANG_DA) | LANG(AP_LANG_NO));
	assert_int_equal(ap_cue_classes(fold("Del 2"), NULL), 0);
	ap_cue_langs(LANG(AP_LANG_FR));
}

/* A day's month as each language writes it: Finnish partitive, Polish
 * genitive. */
static const char *
date_of(const char *s)
{
	static char out[AP_DATE_MAX];
	size_t at, end;

	if (!ap_date_find(fold(s), out, &at, &end))
		return "";
	return out;
}

static void
months_of_the_nordic_languages_and_polish(void **state)
{
	(void)state;
	assert_string_equal(date_of("Julkaistu 3. maaliskuuta 2024"),
	    "2024-03-03");
	assert_string_equal(date_of("tiistaina 17. joulukuuta 2024"),
	    "2024-12-17");
	assert_string_equal(date_of("Publicerad 5 augusti 2023"),
	    "2023-08-05");
	assert_string_equal(date_of("Opdateret 3. marts 2024"), "2024-03-03");
	assert_string_equal(date_of("Publisert 24. desember 2022"),
	    "2022-12-24");
	assert_string_equal(date_of("3 marca 2024, 14:30"),
	    "2024-03-03T14:30");
	assert_string_equal(date_of("28 Września 2020"), "2020-09-28");
	assert_string_equal(date_of("1 maja 2019"), "2019-05-01");
	/* "des" is no month: "2 des 2000 salariés" is French. */
	assert_string_equal(date_of("2 des 2000 salariés"), "");
}

/* A blog post's category and tag classes do not describe its element. */
static void
class_cues_post_taxonomy_skipped(void **state)
{
	(void)state;
	assert_int_equal(ap_class_cues("post type-post status-publish hentry "
	    "category-kommentare tag-comments"),
	    ap_class_cues("post type-post status-publish hentry"));
	assert_false(ap_class_cues("post type-post status-publish hentry "
	    "category-kommentare tag-comments") & C_COMMENT);
	assert_true(ap_class_cues("category-kommentare") & C_COMMENT);
	assert_true(ap_class_cues("hentry comments-area") & C_COMMENT);
	/* Outside a post's classes, "tag-…" is read as usual. */
	assert_true(ap_class_cues("tag-comments") & C_COMMENT);
}

/* A box of the article's contributors is a credit. */
static void
class_cues_contributors_credit(void **state)
{
	(void)state;
	assert_true(ap_class_cues("c-article-contributors-supplementary") &
	    C_BYLINE);
	assert_true(ap_class_cues("contributor") & C_BYLINE);
}

static void
class_cues_whole_tokens(void **state)
{
	(void)state;
	assert_int_equal(ap_class_cues("main-nav"), C_NEG | C_POS);
	assert_int_equal(ap_class_cues("site_nav is-open"), C_NEG);
	assert_int_equal(ap_class_cues("navBar"), C_NEG);
	assert_int_equal(ap_class_cues("canvas"), 0);
	assert_int_equal(ap_class_cues("unavailable"), 0);
	/* "ad" alone, and split from digits: not "shadow" or "head". */
	assert_int_equal(ap_class_cues("ad ad-slot"), C_NEG);
	assert_int_equal(ap_class_cues("ad300x250"), C_NEG);
	assert_int_equal(ap_class_cues("shadow head"), 0);
}

static void
class_cues_prefix_and_affix_only_when_said(void **state)
{
	(void)state;
	/* comment: any token starting or ending so. */
	assert_int_equal(ap_class_cues("comments-area"), C_NEG | C_COMMENT);
	assert_int_equal(ap_class_cues("commentlist"), C_NEG | C_COMMENT);
	assert_int_equal(ap_class_cues("fbcomment"), C_NEG | C_COMMENT);
	/* header: also at the end of a token. */
	assert_int_equal(ap_class_cues("nodeheader"), C_NEG);
	/* "tag" is a word: "tagline" and "hashtag" are not tags. */
	assert_int_equal(ap_class_cues("tagline"), 0);
	assert_int_equal(ap_class_cues("hashtag"), 0);
	assert_int_equal(ap_class_cues("tags"), C_NEG);
}

static void
class_cues_token_sequences(void **state)
{
	(void)state;
	assert_int_equal(ap_class_cues("lire-aussi"), C_NEG | C_RELATED);
	assert_int_equal(ap_class_cues("bloc_lire_aussi"), C_NEG | C_RELATED);
	assert_int_equal(ap_class_cues("lireAussi"), C_NEG | C_RELATED);
	/* Not across class names. */
	assert_int_equal(ap_class_cues("lire aussi"), 0);
	assert_int_equal(ap_class_cues("articleBody") & C_BODY, C_BODY);
	assert_int_equal(ap_class_cues("article__body") & C_BODY, C_BODY);
	assert_int_equal(ap_class_cues("article-list") & C_BODY, 0);
}

static void
class_cues_camel_case(void **state)
{
	(void)state;
	assert_int_equal(ap_class_cues("shareButtons"), C_NEG);
	assert_int_equal(ap_class_cues("HTMLComment"), C_NEG | C_COMMENT);
	assert_int_equal(ap_class_cues("relatedPosts") & C_RELATED, C_RELATED);
}

static void
class_cues_other_languages(void **state)
{
	(void)state;
	assert_int_equal(ap_class_cues("kommentare"), C_NEG | C_COMMENT);
	assert_int_equal(ap_class_cues("teilen"), C_NEG);
	assert_int_equal(ap_class_cues("btn-compartir"), C_NEG);
	assert_int_equal(ap_class_cues("comentarios"), C_NEG | C_COMMENT);
	assert_int_equal(ap_class_cues("partage-social"), C_NEG);
}

static void
class_cues_hidden_names(void **state)
{
	(void)state;
	assert_int_equal(ap_class_cues("sr-only"), C_HIDDEN);
	assert_int_equal(ap_class_cues("foo hidden"), C_HIDDEN);
	assert_int_equal(ap_class_cues("hidden-text"), C_HIDDEN | C_POS);
	/* Hidden only on small screens, or a token of a longer name. */
	assert_int_equal(ap_class_cues("hidden-xs"), 0);
	assert_int_equal(ap_class_cues("hidden-print"), C_NEG);
	/* A site builder's breakpoint: the copy for one screen size. */
	assert_false(ap_class_cues("ssr-variant hidden-12t0irv") & C_HIDDEN);
	assert_int_equal(ap_class_cues("not-hidden"), 0);
	assert_int_equal(ap_class_cues(""), 0);
}

static void
name_particles(void **state)
{
	(void)state;
	assert_true(ap_name_particle("de"));
	assert_true(ap_name_particle("von"));
	assert_true(ap_name_particle("d'"));
	assert_false(ap_name_particle("De"));
	assert_false(ap_name_particle("dans"));
	assert_true(ap_name_particle_n("der Leyen", 3));
	assert_true(ap_name_particle_n("d\xe2\x80\x99" "Armor", 4));
	assert_false(ap_name_particle_n("deux", 4));
}

static const char *
key(const char *s)
{
	static char out[256];

	ap_fold_key(s, strlen(s), out, sizeof(out));
	return out;
}

static void
fold_unicode_hyphens(void **state)
{
	(void)state;
	/* U+2011 non-breaking hyphen, U+2010 hyphen. */
	assert_string_equal(fold("Jean\xe2\x80\x91Marc \xe2\x80\x90 X"),
	    "jean-marc - x");
}

static void
fold_key_loose(void **state)
{
	(void)state;
	assert_string_equal(key("À lire aussi :"), "alireaussi");
	assert_string_equal(key("Œuvre d’Ève, ÆON"), "oeuvredeveaeon");
	assert_string_equal(key("Straße 12"), "strase12");
	/* Other scripts keep their letters, in lower case. */
	assert_string_equal(key("ΑΘΗΝΑ news"), "αθηναnews");
	assert_string_equal(key(" \xe2\x80\x94 "), "");
}

int
main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_cue_found),
		cmocka_unit_test(every_class_token_found),
		cmocka_unit_test(fold_lowers_ascii),
		cmocka_unit_test(fold_lowers_accented_capitals),
		cmocka_unit_test(fold_typographic_apostrophe),
		cmocka_unit_test(fold_nbsp_to_space),
		cmocka_unit_test(fold_collapses_space_runs),
		cmocka_unit_test(fold_returns_length),
		cmocka_unit_test(fold_respects_capacity),
		cmocka_unit_test(fold_zero_capacity_writes_nothing),
		cmocka_unit_test(prefix_matches_at_word_end),
		cmocka_unit_test(prefix_rejects_inside_word),
		cmocka_unit_test(prefix_rejects_before_accented_letter),
		cmocka_unit_test(prefix_takes_longest_cue),
		cmocka_unit_test(prefix_is_per_class),
		cmocka_unit_test(prefix_punctuation_cue_ends_anywhere),
		cmocka_unit_test(prefix_empty_string),
		cmocka_unit_test(whole_articles_connexes),
		cmocka_unit_test(whole_allows_final_punctuation),
		cmocka_unit_test(whole_rejects_following_words),
		cmocka_unit_test(anywhere_finds_cue_at_word_start),
		cmocka_unit_test(anywhere_rejects_inside_word),
		cmocka_unit_test(stopwords_count_french),
		cmocka_unit_test(stopwords_any_case_and_accents),
		cmocka_unit_test(stopwords_split_at_apostrophes),
		cmocka_unit_test(stopwords_only_languages_in_mask),
		cmocka_unit_test(stopwords_word_count_without_mask),
		cmocka_unit_test(stopwords_long_word_is_no_stopword),
		cmocka_unit_test(stopwords_invalid_utf8),
		cmocka_unit_test(lang_from_tags),
		cmocka_unit_test(lang_guess_each_language),
		cmocka_unit_test(lang_guess_needs_text),
		cmocka_unit_test(lang_guess_reads_a_sample_only),
		cmocka_unit_test(cues_of_enabled_languages_only),
		cmocka_unit_test(cues_appeals_and_disclosures),
		cmocka_unit_test(cues_related_labels_beyond_the_dev_sites),
		cmocka_unit_test(cues_french_always_keeps_its_english),
		cmocka_unit_test(cues_each_language_has_each_class),
		cmocka_unit_test(cues_of_the_nordic_languages_and_polish),
		cmocka_unit_test(months_of_the_nordic_languages_and_polish),
		cmocka_unit_test(class_cues_whole_tokens),
		cmocka_unit_test(class_cues_post_taxonomy_skipped),
		cmocka_unit_test(class_cues_contributors_credit),
		cmocka_unit_test(class_cues_prefix_and_affix_only_when_said),
		cmocka_unit_test(class_cues_token_sequences),
		cmocka_unit_test(class_cues_camel_case),
		cmocka_unit_test(class_cues_other_languages),
		cmocka_unit_test(class_cues_hidden_names),
		cmocka_unit_test(name_particles),
		cmocka_unit_test(fold_unicode_hyphens),
		cmocka_unit_test(fold_key_loose),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
