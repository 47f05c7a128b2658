/* SPDX-License-Identifier: ISC */
/*
 * Plain-text front end: where blocks start and end (blank lines, one
 * paragraph per line, hard-wrapped text), list items and dialogue, and
 * the clean-up of each block's text.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "helpers.h"

/*
 * Greedy wrap at 72 columns of two paragraphs (widths 69 57 69 29 and
 * 70 72 66), as Python's textwrap would wrap them.  Each wrapped line
 * stays on one source line, even past 80 columns, so its width shows.
 */
#define PARA1_L1 "La compagnie régionale Air Atlantis a annoncé mardi la suppression, à"
#define PARA1_L2 "compter du 1er février, de la ligne reliant l’aéroport de"
#define PARA1_L3 "Saint-Rémy-les-Landes à Paris-Orly, la seule liaison régulière encore"
#define PARA1_L4 "assurée depuis la plateforme."
#define PARA1 PARA1_L1 " " PARA1_L2 " " PARA1_L3 " " PARA1_L4
#define PARA2_L1 "La compagnie invoque un taux de remplissage insuffisant, tombé sous la"
#define PARA2_L2 "barre des 55 % depuis la fin de la crise sanitaire, et la hausse du prix"
#define PARA2_L3 "du kérosène. La ligne transportait encore 48 000 passagers par an."
#define PARA2 PARA2_L1 " " PARA2_L2 " " PARA2_L3
#define TITLE "L’aéroport de Saint-Rémy perd sa liaison vers Paris"

static void
blank_lines_separate_paragraphs(void **state)
{
	struct ap_doc *d = *state;

	t_text_blocks(d,
	    "Un titre\n\nPremier paragraphe.\n\nSecond paragraphe.\n");
	assert_int_equal(d->nblocks, 3);
	assert_string_equal(d->blocks[0].text, "Un titre");
	assert_string_equal(d->blocks[1].text, "Premier paragraphe.");
	assert_string_equal(d->blocks[2].text, "Second paragraphe.");
}

static void
blank_line_sets_gap_flag(void **state)
{
	struct ap_doc *d = *state;

	t_text_blocks(d, "Un titre\nPar Jeanne Dupont\n\nPremier paragraphe.");
	assert_int_equal(d->nblocks, 3);
	assert_false(d->blocks[0].flags & AP_BF_GAP_BEFORE);
	assert_false(d->blocks[1].flags & AP_BF_GAP_BEFORE);
	assert_true(d->blocks[2].flags & AP_BF_GAP_BEFORE);
}

static void
image_marker_before_text(void **state)
{
	/* A text browser's "[celine]" before a byline goes; markers alone
	 * on their line, and bracketed words, stay. */
	struct ap_doc *d = *state;

	t_text_blocks(d, "[celine] [media_xll_48] Par: Céline Bayet\n\n"
	    "[logo_deskt] []\n\n[sic] et [Vidéo] [1]\n");
	assert_int_equal(d->nblocks, 3);
	assert_string_equal(d->blocks[0].text, "Par: Céline Bayet");
	assert_string_equal(d->blocks[1].text, "[logo_deskt] []");
	assert_string_equal(d->blocks[2].text, "[sic] et [Vidéo] [1]");
}

static void
whitespace_only_line_is_blank(void **state)
{
	struct ap_doc *d = *state;

	t_text_blocks(d, "Premier.\n \t " NBSP "\nSecond.");
	assert_int_equal(d->nblocks, 2);
	assert_string_equal(d->blocks[1].text, "Second.");
	assert_true(d->blocks[1].flags & AP_BF_GAP_BEFORE);
}

static void
one_paragraph_per_line(void **state)
{
	static const char *const lines[] = {
		"Le FC Montval accède à la deuxième division après une "
		    "saison record",
		"Par Lucie Bernard",
		"Publié le 1er juin 2024 à 22 h 10",
		"Le FC Montval a validé samedi soir sa montée en deuxième "
		    "division en battant Saint-Aubin 2 à 0 devant plus de "
		    "6 000 spectateurs, un record pour le stade municipal.",
		"Un budget modeste",
		"Avec un budget de 4,2 millions d’euros, le club disposait de "
		    "l’un des plus petits budgets du championnat, loin "
		    "derrière les favoris de la saison.",
		NULL
	};
	struct ap_doc *d = *state;
	char text[1024] = "";
	size_t i;

	for (i = 0; lines[i] != NULL; i++) {
		strcat(text, lines[i]);
		strcat(text, "\n");
	}
	t_text_blocks(d, text);
	assert_int_equal(d->nblocks, 6);
	for (i = 0; lines[i] != NULL; i++) {
		assert_string_equal(d->blocks[i].text, lines[i]);
		assert_int_equal(d->blocks[i].line, i + 1);
	}
}

static void
hard_wrapped_lines_rejoin(void **state)
{
	struct ap_doc *d = *state;

	t_text_blocks(d, PARA1_L1 "\n" PARA1_L2 "\n" PARA1_L3 "\n" PARA1_L4
	    "\n\n" PARA2_L1 "\n" PARA2_L2 "\n" PARA2_L3 "\n");
	assert_int_equal(d->nblocks, 2);
	assert_string_equal(d->blocks[0].text, PARA1);
	assert_string_equal(d->blocks[1].text, PARA2);
}

static void
hard_wrapped_past_a_long_word(void **state)
{
	struct ap_doc *d = *state;

	/* A link no wrapper could break stands out of the width; the
	 * paragraphs around it are still wrapped ones. */
	t_text_blocks(d, PARA1_L1 "\n" PARA1_L2 "\n" PARA1_L3 "\n" PARA1_L4
	    "\n\nhttps://www.example.org/actualite/2025/01/14/la-compagnie-"
	    "air-atlantis-supprime-sa-ligne-vers-paris-orly-12345.html\n\n"
	    PARA2_L1 "\n" PARA2_L2 "\n" PARA2_L3 "\n");
	assert_int_equal(d->nblocks, 3);
	assert_string_equal(d->blocks[0].text, PARA1);
	assert_string_equal(d->blocks[2].text, PARA2);
}

static void
hard_wrapped_title_stays_separate(void **state)
{
	struct ap_doc *d = *state;

	/* No blank line: the first word of the paragraph fitted after the
	 * title, so a wrapper did not break there. */
	t_text_blocks(d, TITLE "\n" PARA1_L1 "\n" PARA1_L2 "\n" PARA1_L3 "\n"
	    PARA1_L4 "\n\n" PARA2_L1 "\n" PARA2_L2 "\n" PARA2_L3 "\n");
	assert_int_equal(d->nblocks, 3);
	assert_string_equal(d->blocks[0].text, TITLE);
	assert_string_equal(d->blocks[1].text, PARA1);
	assert_string_equal(d->blocks[2].text, PARA2);
}

static void
hard_wrapped_short_last_line_ends_paragraph(void **state)
{
	struct ap_doc *d = *state;

	/*
	 * Paragraphs without blank lines between them, then a signature.
	 * "La" would have fitted after PARA2_L3 (66 + 1 + 2 <= 72), and
	 * "Benoît" after PARA1_L4, so neither break is the wrapper's.
	 */
	t_text_blocks(d, PARA2_L1 "\n" PARA2_L2 "\n" PARA2_L3 "\n" PARA1_L1
	    "\n" PARA1_L2 "\n" PARA1_L3 "\n" PARA1_L4 "\nBenoît Lagarde\n");
	assert_int_equal(d->nblocks, 3);
	assert_string_equal(d->blocks[0].text, PARA2);
	assert_string_equal(d->blocks[1].text, PARA1);
	assert_string_equal(d->blocks[2].text, "Benoît Lagarde");
}

static void
hard_wrapped_block_lines(void **state)
{
	struct ap_doc *d = *state;

	t_text_blocks(d, TITLE "\n\n" PARA1_L1 "\n" PARA1_L2 "\n" PARA1_L3
	    "\n" PARA1_L4 "\n\n\n" PARA2_L1 "\n" PARA2_L2 "\n" PARA2_L3 "\n");
	assert_int_equal(d->nblocks, 3);
	assert_int_equal(d->blocks[0].line, 1);
	assert_int_equal(d->blocks[1].line, 3);
	assert_int_equal(d->blocks[2].line, 9);
}

static void
block_line_numbers(void **state)
{
	struct ap_doc *d = *state;

	t_text_blocks(d, "\nTitre\n\nUn.\n\n\n\nDeux.\nTrois.");
	assert_int_equal(d->nblocks, 4);
	assert_int_equal(d->blocks[0].line, 2);
	assert_int_equal(d->blocks[1].line, 4);
	assert_int_equal(d->blocks[2].line, 8);
	assert_int_equal(d->blocks[3].line, 9);
}

static void
bullet_lines_are_list_items(void **state)
{
	struct ap_doc *d = *state;

	t_text_blocks(d, "Les principales mesures :\n"
	    "• Gel des loyers\n"
	    "- Baisse de la TVA sur l’énergie\n"
	    "* Prime de rentrée\n");
	assert_int_equal(d->nblocks, 4);
	assert_false(d->blocks[0].flags & AP_BF_LISTITEM);
	assert_true(d->blocks[1].flags & AP_BF_LISTITEM);
	assert_true(d->blocks[2].flags & AP_BF_LISTITEM);
	assert_true(d->blocks[3].flags & AP_BF_LISTITEM);
}

static void
bullet_marker_is_stripped(void **state)
{
	struct ap_doc *d = *state;

	t_text_blocks(d, "• Gel des loyers\n-   Baisse de la TVA\n");
	assert_int_equal(d->nblocks, 2);
	assert_string_equal(d->blocks[0].text, "Gel des loyers");
	assert_string_equal(d->blocks[1].text, "Baisse de la TVA");
}

static void
bullet_not_joined_in_wrapped_text(void **state)
{
	struct ap_doc *d = *state;

	/* PARA2_L2 fills the width, so a plain next line would join it. */
	t_text_blocks(d, PARA2_L1 "\n" PARA2_L2 "\n- Gel des loyers\n"
	    PARA1_L1 "\n" PARA1_L2 "\n");
	assert_int_equal(d->nblocks, 3);
	assert_string_equal(d->blocks[0].text, PARA2_L1 " " PARA2_L2);
	assert_string_equal(d->blocks[1].text, "Gel des loyers");
	assert_true(d->blocks[1].flags & AP_BF_LISTITEM);
}

static void
wrapped_bullet_item_rejoined(void **state)
{
	struct ap_doc *d = *state;

	/*
	 * The bullet line is 72 columns with its marker, so a wrapper could
	 * not fit "à" after it: the next line continues the item.
	 */
	t_text_blocks(d, PARA2_L1 "\n" PARA2_L2 "\n" PARA2_L3 "\n\n"
	    "• Gel des loyers dans les communes où le marché immobilier est "
	    "tendu, et\nà compter du 1er janvier pour trois ans.\n");
	assert_int_equal(d->nblocks, 2);
	assert_string_equal(d->blocks[1].text, "Gel des loyers dans les "
	    "communes où le marché immobilier est tendu, et à compter du 1er "
	    "janvier pour trois ans.");
	assert_true(d->blocks[1].flags & AP_BF_LISTITEM);
}

static void
hyphen_inside_line_is_not_bullet(void **state)
{
	struct ap_doc *d = *state;

	t_text_blocks(d,
	    "Saint-Rémy - Paris : la ligne ferme.\n-10 % en un an.");
	assert_int_equal(d->nblocks, 2);
	assert_false(d->blocks[0].flags & AP_BF_LISTITEM);
	assert_false(d->blocks[1].flags & AP_BF_LISTITEM);
	assert_string_equal(d->blocks[1].text, "-10 % en un an.");
}

/* Narration whose last line fills the width (70, 72), then dialogue. */
#define NARR_L1 "Le président du tribunal a ensuite interrogé le prévenu sur son emploi"
#define NARR_L2 "du temps dans la soirée du 14 juillet, heure par heure, sans le ménager."
#define DASH1 "— Vous confirmez avoir quitté le domicile de la victime avant minuit ?"
#define DASH2 "–" NBSP "Oui, vers onze heures. Je suis rentré " \
	"directement chez moi."

static void
dialogue_lines_not_joined(void **state)
{
	struct ap_doc *d = *state;

	t_text_blocks(d, NARR_L1 "\n" NARR_L2 "\n" DASH1 "\n" DASH2 "\n"
	    PARA1_L1 "\n" PARA1_L2 "\n" PARA1_L3 "\n" PARA1_L4 "\n");
	assert_int_equal(d->nblocks, 4);
	assert_string_equal(d->blocks[0].text, NARR_L1 " " NARR_L2);
	assert_string_equal(d->blocks[1].text, DASH1);
	assert_string_equal(d->blocks[2].text, DASH2);
	assert_string_equal(d->blocks[3].text, PARA1);
}

static void
dialogue_lines_are_not_list_items(void **state)
{
	struct ap_doc *d = *state;

	t_text_blocks(d, "— Vous étiez chez vous ?\n— Oui.\n– Seul ?\n");
	assert_int_equal(d->nblocks, 3);
	assert_string_equal(d->blocks[0].text, "— Vous étiez chez vous ?");
	assert_false(d->blocks[0].flags & AP_BF_LISTITEM);
	assert_false(d->blocks[1].flags & AP_BF_LISTITEM);
	assert_false(d->blocks[2].flags & AP_BF_LISTITEM);
}

static void
space_runs_collapse(void **state)
{
	struct ap_doc *d = *state;

	t_text_blocks(d, "Le   prix\t\ta  \t atteint des sommets.");
	assert_int_equal(d->nblocks, 1);
	assert_string_equal(d->blocks[0].text,
	    "Le prix a atteint des sommets.");
	assert_int_equal(d->blocks[0].len, strlen(d->blocks[0].text));
}

static void
no_break_spaces_kept(void **state)
{
	struct ap_doc *d = *state;

	t_text_blocks(d, "Il a payé 3" NNBSP "000" NBSP "€ ; « Non" NBSP "! »");
	assert_int_equal(d->nblocks, 1);
	assert_string_equal(d->blocks[0].text,
	    "Il a payé 3" NNBSP "000" NBSP "€ ; « Non" NBSP "! »");
}

static void
leading_and_trailing_spaces_trimmed(void **state)
{
	struct ap_doc *d = *state;

	t_text_blocks(d, "   Titre \t\n\n\t Premier paragraphe." NBSP "  \n");
	assert_int_equal(d->nblocks, 2);
	assert_string_equal(d->blocks[0].text, "Titre");
	assert_string_equal(d->blocks[1].text, "Premier paragraphe.");
}

static void
joined_lines_trimmed_at_the_seam(void **state)
{
	struct ap_doc *d = *state;

	/* Trailing spaces on a wrapped line leave one space at the join. */
	t_text_blocks(d, PARA1_L1 "   \n  " PARA1_L2 "\n" PARA1_L3 "\n"
	    PARA1_L4 "\n");
	assert_int_equal(d->nblocks, 1);
	assert_string_equal(d->blocks[0].text, PARA1);
}

static void
empty_text_gives_no_block(void **state)
{
	struct ap_doc *d = *state;

	t_text_blocks(d, "\n \n\t\n");
	assert_int_equal(d->nblocks, 0);
}

int
main(void)
{
	static const struct CMUnitTest tests[] = {
		T_TEST(blank_lines_separate_paragraphs),
		T_TEST(blank_line_sets_gap_flag),
		T_TEST(image_marker_before_text),
		T_TEST(whitespace_only_line_is_blank),
		T_TEST(one_paragraph_per_line),
		T_TEST(hard_wrapped_lines_rejoin),
		T_TEST(hard_wrapped_past_a_long_word),
		T_TEST(hard_wrapped_title_stays_separate),
		T_TEST(hard_wrapped_short_last_line_ends_paragraph),
		T_TEST(hard_wrapped_block_lines),
		T_TEST(block_line_numbers),
		T_TEST(bullet_lines_are_list_items),
		T_TEST(bullet_marker_is_stripped),
		T_TEST(bullet_not_joined_in_wrapped_text),
		T_TEST(wrapped_bullet_item_rejoined),
		T_TEST(hyphen_inside_line_is_not_bullet),
		T_TEST(dialogue_lines_not_joined),
		T_TEST(dialogue_lines_are_not_list_items),
		T_TEST(space_runs_collapse),
		T_TEST(no_break_spaces_kept),
		T_TEST(leading_and_trailing_spaces_trimmed),
		T_TEST(joined_lines_trimmed_at_the_seam),
		T_TEST(empty_text_gives_no_block),
	};

	return T_RUN(tests);
}
