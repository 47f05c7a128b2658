/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for ap_quotes_find(): one test per rule of quote spans and
 * speaker attribution, each on a small hand-written article.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "quotes.h"

#define MAXBODY	16

struct fx {
	struct ap_doc	 d;
	struct ap_body	 body[MAXBODY];
	jmp_buf		 oom;
};

/*
 * Build an article from a headline, a standfirst (either may be NULL)
 * and body paragraphs ending with NULL, then find its quotes.  A body
 * paragraph opening with '>' is a blockquote (AP_BODY_QUOTE).
 */
static struct fx *
run(const char *headline, const char *standfirst, ...)
{
	struct fx *f;
	const char *p;
	va_list ap;

	f = calloc(1, sizeof(*f));
	assert_non_null(f);
	ap_arena_init(&f->d.arena, NULL);
	if (setjmp(f->oom) != 0)
		fail_msg("out of memory");
	f->d.arena.oom = &f->oom;
	f->d.art.headline = headline;
	f->d.art.standfirst = standfirst;
	va_start(ap, standfirst);
	while ((p = va_arg(ap, const char *)) != NULL) {
		assert_true(f->d.art.nbody < MAXBODY);
		f->body[f->d.art.nbody].type = AP_BODY_PARAGRAPH;
		if (*p == '>') {
			f->body[f->d.art.nbody].type = AP_BODY_QUOTE;
			p++;
		}
		f->body[f->d.art.nbody++].text = p;
	}
	va_end(ap);
	f->d.art.body = f->body;
	ap_quotes_find(&f->d);
	return f;
}

static void
done(struct fx *f)
{
	ap_arena_fini(&f->d.arena);
	free(f);
}

/* Quote i says "text", by "speaker" (NULL: none), with "role", in block. */
static void
check(const struct fx *f, size_t i, const char *text, const char *speaker,
    const char *role, size_t block)
{
	const struct ap_quote *q;

	assert_true(i < f->d.art.nquotes);
	q = &f->d.art.quotes[i];
	assert_string_equal(q->text, text);
	if (speaker == NULL)
		assert_null(q->speaker);
	else {
		assert_non_null(q->speaker);
		assert_string_equal(q->speaker, speaker);
	}
	if (role == NULL)
		assert_null(q->speaker_role);
	else {
		assert_non_null(q->speaker_role);
		assert_string_equal(q->speaker_role, role);
	}
	assert_int_equal(q->block, block);
}

/* The word lists' table, as generated, to check its hash table against. */
struct qw_word {
	const char	*w;
	unsigned	 lists;
};
#include "fr-quote-words.inc"

static void
test_word_lists_hashed(void **state)
{
	/* Every listed word is found through the hash table with its lists
	 * (words with accents too: the generator hashes their bytes as the
	 * C code does); a word not listed, or only the start of one, has
	 * none. */
	size_t i, n = sizeof(qw_words) / sizeof(qw_words[0]);

	(void)state;
	(void)qw_slot;
	assert_true(n > 100);
	for (i = 0; i < n; i++)
		assert_int_equal(ap_quotes_word_lists(qw_words[i].w),
		    qw_words[i].lists);
	assert_int_not_equal(ap_quotes_word_lists("était"), 0);
	assert_int_equal(ap_quotes_word_lists("zzzq"), 0);
	assert_int_equal(ap_quotes_word_lists("acte"), 0);
	assert_int_equal(ap_quotes_word_lists(""), 0);
}

static void
test_incise_name_role(void **state)
{
	struct fx *f;

	(void)state;
	f = run(NULL, NULL,
	    "L’entreprise chinoise Alibaba a annoncé lundi un investissement.",
	    "« La pandémie de COVID-19 a exercé une pression supplémentaire "
	    "sur l’économie globale », a indiqué Jeff Zhang, président "
	    "d’Alibaba Cloud Intelligence, par communiqué.",
	    "« Je pense que le nuage deviendra la principale activité "
	    "d’Alibaba à l’avenir », avait déclaré Daniel Zhang à CNBC en "
	    "2018.",
	    "« Nous irons plus loin », affirme le ministre Paul Girard.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 3);
	check(f, 0, "La pandémie de COVID-19 a exercé une pression "
	    "supplémentaire sur l’économie globale", "Jeff Zhang",
	    "président d’Alibaba Cloud Intelligence", 1);
	check(f, 1, "Je pense que le nuage deviendra la principale activité "
	    "d’Alibaba à l’avenir", "Daniel Zhang", NULL, 2);
	check(f, 2, "Nous irons plus loin", "Paul Girard", "ministre", 3);
	done(f);
}

static void
test_incise_body(void **state)
{
	struct fx *f;

	(void)state;
	f = run(NULL, NULL,
	    "« Aucun soldat français n’a été blessé », a indiqué le ministère "
	    "des Armées dans un communiqué.",
	    "« Les conditions seront réunies demain », estime la préfecture "
	    "des Pyrénées-Atlantiques, dans un communiqué.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 2);
	check(f, 0, "Aucun soldat français n’a été blessé",
	    "le ministère des Armées", NULL, 0);
	check(f, 1, "Les conditions seront réunies demain",
	    "la préfecture des Pyrénées-Atlantiques", NULL, 1);
	done(f);
}

static void
test_pronoun_for_a_body(void **state)
{
	struct fx *f;

	(void)state;
	/* "Il" after a body quoted in the paragraph, no person named in it:
	 * the body.  In the next paragraph a person named is "elle". */
	f = run(NULL, NULL,
	    "« Trente drones ont été abattus cette nuit », rapporte le "
	    "ministère de la Défense. Il précise que des navires « ont "
	    "détruit dix drones navals ».",
	    "« Le parc sera fermé jusqu’en mars », annonce la mairie. Selon "
	    "Anne Roy, son adjointe, elle estime que « rien ne presse ».",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 4);
	check(f, 1, "ont détruit dix drones navals",
	    "le ministère de la Défense", NULL, 0);
	assert_string_not_equal(f->d.art.quotes[3].speaker != NULL ?
	    f->d.art.quotes[3].speaker : "", "la mairie");
	done(f);
}

static void
test_connective_before_quote(void **state)
{
	struct fx *f;

	(void)state;
	/* A connective and its comma before a quotation: it still opens
	 * the sentence, said by the one quoted just before.  Other words
	 * before it do not. */
	f = run(NULL, NULL,
	    "La dette « repart à la hausse cette année », note Marie Roy. "
	    "En revanche, « la situation des cliniques reste favorable », "
	    "avec un bénéfice net.",
	    "La dette « repart à la hausse cette année », note Marie Roy. "
	    "Les comptes montrent « une situation des cliniques favorable », "
	    "avec un bénéfice net.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 4);
	check(f, 1, "la situation des cliniques reste favorable",
	    "Marie Roy", NULL, 0);
	assert_null(f->d.art.quotes[3].speaker);
	done(f);
}

static void
test_inverted_pronoun(void **state)
{
	struct fx *f;

	(void)state;
	/* The speaker named before wins over a later object; "elle" skips
	 * a man (M.) named after her. */
	f = run(NULL, NULL,
	    "Catherine Morin, la maire de la ville, a reçu lundi Jean Roy.",
	    "« Nous ne céderons rien sur ce dossier », a-t-elle ajouté.",
	    "Elle a ensuite rencontré M. Roy à la mairie.",
	    "« Le budget sera voté en mars prochain », explique-t-elle.",
	    "« Il n’y a aucune raison de s’inquiéter », dit-il.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 3);
	check(f, 0, "Nous ne céderons rien sur ce dossier", "Catherine Morin",
	    "maire de la ville", 1);
	check(f, 1, "Le budget sera voté en mars prochain", "Catherine Morin",
	    "maire de la ville", 3);
	check(f, 2, "Il n’y a aucune raison de s’inquiéter", "Jean Roy", NULL,
	    4);
	done(f);
}

static void
test_selon(void **state)
{
	struct fx *f;

	(void)state;
	f = run(NULL, NULL,
	    "Selon Marie Dubois, « les prix vont encore monter cette année ».",
	    "La hausse « touchera d’abord les ménages modestes », selon "
	    "l’Insee.",
	    "Pour le maire, Jean Roy, « la ville ne peut pas payer ».",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 3);
	check(f, 0, "les prix vont encore monter cette année", "Marie Dubois",
	    NULL, 0);
	check(f, 1, "touchera d’abord les ménages modestes", "l’Insee", NULL,
	    1);
	check(f, 2, "la ville ne peut pas payer", "Jean Roy", "maire", 2);
	done(f);
}

static void
test_declared_before(void **state)
{
	struct fx *f;

	(void)state;
	f = run(NULL, NULL,
	    "Marie Dubois a déclaré : « Nous partirons dès demain matin ».",
	    "Depuis Washington, Christine Lagarde, directrice générale du FMI, "
	    "a elle aussi jugé que « la croissance reste fragile ».",
	    "Le chef de la diplomatie européenne, Josep Borrell, s’était "
	    "quant à lui dit « consterné par le nombre de victimes ».",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 3);
	check(f, 0, "Nous partirons dès demain matin", "Marie Dubois", NULL,
	    0);
	check(f, 1, "la croissance reste fragile", "Christine Lagarde",
	    "directrice générale du FMI", 1);
	check(f, 2, "consterné par le nombre de victimes", "Josep Borrell",
	    "chef de la diplomatie européenne", 2);
	done(f);
}

static void
test_multi_paragraph(void **state)
{
	struct fx *f;

	(void)state;
	f = run(NULL, NULL,
	    "Le maire Jean Roy a pris la parole devant le conseil.",
	    "« Nous avons beaucoup travaillé cette année.",
	    "« Les résultats sont là, et ils sont bons.",
	    "« Nous continuerons l’an prochain », a-t-il conclu.",
	    "Le conseil a ensuite voté le budget.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 1);
	check(f, 0, "Nous avons beaucoup travaillé cette année. Les résultats "
	    "sont là, et ils sont bons. Nous continuerons l’an prochain",
	    "Jean Roy", "maire", 1);
	done(f);
}

static void
test_dialogue_dash(void **state)
{
	struct fx *f;

	(void)state;
	f = run(NULL, NULL,
	    "Anne Martin regarde la mer depuis le port.",
	    "— Nous partirons demain, a-t-elle dit. Il faudra se lever tôt.",
	    "– Vous êtes sûre de vous ?",
	    "Une phrase – entre deux tirets – n’est pas un dialogue.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 3);
	check(f, 0, "Nous partirons demain", "Anne Martin", NULL, 1);
	check(f, 1, "Il faudra se lever tôt.", "Anne Martin", NULL, 1);
	check(f, 2, "Vous êtes sûre de vous ?", NULL, NULL, 2);
	done(f);
}

static void
test_scare_quotes(void **state)
{
	struct fx *f;

	(void)state;
	f = run(NULL, NULL,
	    "Le texte vise les « boîtes noires » et une « urgence », dit-on.",
	    "Il lit « Le Monde » chaque matin, un « vrai plaisir ».",
	    "Il y voit « trois mots ici » et une « fin ».",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 1);
	check(f, 0, "trois mots ici", NULL, NULL, 2);
	done(f);
}

static void
test_curly_quotes(void **state)
{
	struct fx *f;

	(void)state;
	f = run(NULL, NULL,
	    "“La désinformation a été une des caractéristiques de la "
	    "pandémie, avec des “fake news” partout”, rappelle Ana Sofia "
	    "Cardenal, professeure de sciences politiques.",
	    "Un \"bon Flamand\" et \"Les Flamands sont ponctuels\", lit-on.",
	    "Un \"guillemet seul ne compte pas du tout.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 2);
	check(f, 0, "La désinformation a été une des caractéristiques de la "
	    "pandémie, avec des “fake news” partout", "Ana Sofia Cardenal",
	    "professeure de sciences politiques", 0);
	check(f, 1, "Les Flamands sont ponctuels", NULL, NULL, 1);
	done(f);
}

static void
test_nbsp_variants(void **state)
{
	struct fx *f;

	(void)state;
	/* U+00A0 inside the first guillemets, U+202F in the second, none in
	 * the third; a trailing comma inside the marks goes too, and names
	 * may hold either space. */
	f = run(NULL, NULL,
	    "«\xc2\xa0Nous sommes prêts à négocier\xc2\xa0», a dit "
	    "Marie\xc2\xa0" "Dubois.",
	    "«\xe2\x80\xafLe dossier avance bien,\xe2\x80\xaf» a ajouté "
	    "Jean Roy.",
	    "«Rien ne presse vraiment», a estimé Paul Girard.",
	    "« Nous verrons bien demain », a conclu Mme\xe2\x80\xaf" "Dubois.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 4);
	check(f, 0, "Nous sommes prêts à négocier", "Marie\xc2\xa0" "Dubois",
	    NULL, 0);
	check(f, 1, "Le dossier avance bien", "Jean Roy", NULL, 1);
	check(f, 2, "Rien ne presse vraiment", "Paul Girard", NULL, 2);
	check(f, 3, "Nous verrons bien demain", "Marie\xc2\xa0" "Dubois", NULL,
	    3);
	done(f);
}

static void
test_headline_standfirst(void **state)
{
	struct fx *f;

	(void)state;
	f = run("Didier Reynders : « Bruxelles doit travailler avec la "
	    "Wallonie »",
	    "« Nous avons fait échouer leur campagne », a affirmé le ministre "
	    "de la Défense, Andreï Belooussov.",
	    "Le ministre a été élu samedi.",
	    "« Il n’est pas toujours facile de mobiliser à Bruxelles. »",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 3);
	check(f, 0, "Bruxelles doit travailler avec la Wallonie",
	    "Didier Reynders", NULL, AP_QUOTE_HEADLINE);
	check(f, 1, "Nous avons fait échouer leur campagne",
	    "Andreï Belooussov", "ministre de la Défense",
	    AP_QUOTE_STANDFIRST);
	/* A quote standing alone keeps the speaker just quoted. */
	check(f, 2, "Il n’est pas toujours facile de mobiliser à Bruxelles.",
	    "Andreï Belooussov", "ministre de la Défense", 1);
	assert_int_equal(AP_QUOTE_HEADLINE, SIZE_MAX);
	assert_int_equal(AP_QUOTE_STANDFIRST, SIZE_MAX - 1);
	done(f);
}

static void
test_surname_expansion(void **state)
{
	struct fx *f;

	(void)state;
	f = run(NULL, NULL,
	    "Éric Alan Caldwell, responsable de la mobilité, a présenté le "
	    "bilan. Le porte-parole du Kremlin, Dmitri Peskov, l’a commenté.",
	    "« Notre règlement n’a pas été respecté », a dit M. Caldwell.",
	    "« Les migrants, c’est un besoin », a affirmé Peskov.",
	    "« Nous avons besoin de main-d’œuvre », a souligné le "
	    "porte-parole.",
	    "« Personne ne sait », a dit M. Inconnu.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 4);
	check(f, 0, "Notre règlement n’a pas été respecté",
	    "Éric Alan Caldwell", "responsable de la mobilité", 1);
	check(f, 1, "Les migrants, c’est un besoin", "Dmitri Peskov",
	    "porte-parole du Kremlin", 2);
	check(f, 2, "Nous avons besoin de main-d’œuvre", "Dmitri Peskov",
	    "porte-parole", 3);
	check(f, 3, "Personne ne sait", "Inconnu", NULL, 4);
	done(f);
}

/* A surname given before the full name (a quote in the headline) gets the
 * full name once the article has named the person. */
static void
test_surname_named_later(void **state)
{
	struct fx *f;

	(void)state;
	f = run("Milquet : « Pas question de supprimer la Sûreté »", NULL,
	    "La ministre de l’Intérieur, Joëlle Milquet, a défendu le budget "
	    "de la Sûreté de l’État mardi devant la commission.",
	    "« Je pense que c’est un service indispensable », a dit Van Damme.",
	    "Le député Jelle Van Damme a répondu dans l’après-midi.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 2);
	check(f, 0, "Pas question de supprimer la Sûreté", "Joëlle Milquet",
	    NULL, AP_QUOTE_HEADLINE);
	check(f, 1, "Je pense que c’est un service indispensable",
	    "Jelle Van Damme", NULL, 1);
	done(f);
}

/* German marks: „…“ (and „…”) hold the quote, not what follows “. */
static void
test_german_marks(void **state)
{
	struct fx *f;

	(void)state;
	f = run(NULL, NULL,
	    "„Das ist ein wichtiger Schritt für die Stadt“, sagte die "
	    "Senatorin bei der Eröffnung.",
	    "Sie fügte hinzu: „Wir bauen weiter.” Kritiker bemängeln die "
	    "Kosten.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 2);
	check(f, 0, "Das ist ein wichtiger Schritt für die Stadt", NULL,
	    NULL, 0);
	check(f, 1, "Wir bauen weiter.", NULL, NULL, 1);
	done(f);
}

/* A work's title in guillemets, said by nobody, is no quotation. */
static void
test_work_titles(void **state)
{
	struct fx *f;

	(void)state;
	f = run(NULL, NULL,
	    "Le film « De rouille et d’os » et « Dead Man Talking » sortent "
	    "mercredi dans les salles du pays.",
	    "« Une victoire totale », a lancé le maire, Paul Durand, au soir du "
	    "scrutin.",
	    "On pouvait lire « Rendez-nous notre piscine » et « Les Flamands "
	    "sont ponctuels » sur les banderoles.",
	    NULL);
	/* A verb makes a statement of it, said by someone or not. */
	assert_int_equal(f->d.art.nquotes, 3);
	check(f, 0, "Une victoire totale", "Paul Durand", "maire", 1);
	check(f, 1, "Rendez-nous notre piscine", NULL, NULL, 2);
	check(f, 2, "Les Flamands sont ponctuels", NULL, NULL, 2);
	done(f);
}

/* A middle initial belongs to the name. */
static void
test_middle_initial(void **state)
{
	struct fx *f;

	(void)state;
	f = run(NULL, NULL,
	    "« C’est la révolution. Dieu merci », a dit Marsha P. Johnson "
	    "devant les militants.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 1);
	check(f, 0, "C’est la révolution. Dieu merci", "Marsha P. Johnson",
	    NULL, 0);
	done(f);
}

static void
test_blockquote_incise(void **state)
{
	struct fx *f;

	(void)state;
	/* A blockquote without marks is speech only with an incise. */
	f = run(NULL, NULL,
	    "La directrice générale de l’agence, Vicky Kyriaco, a parlé.",
	    ">Ce sur quoi nous comptons, c’est que certains élèves n’iront "
	    "pas à l’école, a-t-elle expliqué à CBC. Cette année, on doit "
	    "trouver de l’espace.",
	    ">HYDROXYCHLOROQUINE and AZITHROMYCIN, taken together, now.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 2);
	check(f, 0, "Ce sur quoi nous comptons, c’est que certains élèves "
	    "n’iront pas à l’école", "Vicky Kyriaco", "directrice générale "
	    "de l’agence", 1);
	check(f, 1, "Cette année, on doit trouver de l’espace.",
	    "Vicky Kyriaco", "directrice générale de l’agence", 1);
	done(f);
}

static void
test_no_speaker(void **state)
{
	struct fx *f;

	(void)state;
	/* An indefinite source and an embedded phrase name nobody, even
	 * right after a quote whose speaker is named. */
	f = run(NULL, NULL,
	    "« Le ministre a rappelé la doctrine », précise Jean Roy.",
	    "« Il n’y a pas de sujet pour nous », ajoute un proche du "
	    "ministre.",
	    "Il s’agit de « l’indépendance nationale et du territoire ».",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 3);
	check(f, 0, "Le ministre a rappelé la doctrine", "Jean Roy", NULL, 0);
	check(f, 1, "Il n’y a pas de sujet pour nous", NULL, NULL, 1);
	check(f, 2, "l’indépendance nationale et du territoire", NULL, NULL, 2);
	done(f);
}

static void
test_orgnoun_not_person(void **state)
{
	struct fx *f;

	(void)state;
	/* A name after "cabinet", "société"… is a body's: never what "il"
	 * or "elle" stands for, even as the subject of its sentence or a
	 * speaker, and of the same gender ("la société", "le groupe"). */
	f = run(NULL, NULL,
	    "Anne Martin, économiste, a lu le rapport. La société Energia "
	    "Conseil juge la hausse inévitable.",
	    "« Nous devrons nous adapter très vite », reconnaît-elle.",
	    "Jean Roy dirige l’usine depuis dix ans.",
	    "« Les marges vont baisser cette année », estime le groupe "
	    "Transports Aubry.",
	    "« Nous tiendrons nos engagements », ajoute-t-il.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 3);
	check(f, 0, "Nous devrons nous adapter très vite", "Anne Martin",
	    "économiste", 1);
	check(f, 1, "Les marges vont baisser cette année", "Transports Aubry",
	    "groupe", 3);
	check(f, 2, "Nous tiendrons nos engagements", "Jean Roy", NULL, 4);
	done(f);
}

static void
test_pour_source(void **state)
{
	struct fx *f;

	(void)state;
	/* "Pour X, …" opens with X's view: X is whom "il" stands for next,
	 * not the subject of an earlier paragraph. */
	f = run(NULL, NULL,
	    "Paul Girard, le maire, a présenté le projet lundi.",
	    "Pour Bertrand Olivier, analyste au cabinet Energia Conseil, "
	    "l’enjeu est ailleurs. « Chaque tonne recyclée compte vraiment », "
	    "souligne-t-il.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 1);
	check(f, 0, "Chaque tonne recyclée compte vraiment",
	    "Bertrand Olivier", "analyste au cabinet Energia Conseil", 1);
	done(f);
}

static void
test_pronoun_prefers_role(void **state)
{
	struct fx *f;

	(void)state;
	/* Neither opened a sentence: the one given a role in apposition is
	 * a person, the later name may be anything. */
	f = run(NULL, NULL,
	    "Le rapport de Paul Girard, économiste à Lyon, cite Acme "
	    "Industries. « Le marché va doubler en dix ans », écrit-il.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 1);
	check(f, 0, "Le marché va doubler en dix ans", "Paul Girard",
	    "économiste à Lyon", 0);
	done(f);
}

static void
test_role_noun_anaphor(void **state)
{
	struct fx *f;

	(void)state;
	/* A role noun after an adjective stands for the person named just
	 * before: "le nouveau mayeur", "l’artiste". */
	f = run(NULL, NULL,
	    "Marc Dubois a rendu hommage à son prédécesseur.",
	    "« Ce qui va changer, c’est la participation », a souligné le "
	    "nouveau mayeur d’Ans.",
	    "Lina Costa expose à Namur. « Je dois courir », dit l’artiste.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 2);
	check(f, 0, "Ce qui va changer, c’est la participation",
	    "Marc Dubois", "nouveau mayeur d’Ans", 1);
	check(f, 1, "Je dois courir", "Lina Costa", "artiste", 2);
	done(f);
}

static void
test_announced_list(void **state)
{
	struct fx *f;

	(void)state;
	/* "Voici ses déclarations." leads in every quotation of the list
	 * that follows; a quotation alone in its paragraph is no title. */
	f = run(NULL, NULL,
	    "Le maire Jean Roy a parlé lundi. Voici ses principales "
	    "déclarations.",
	    "– « La ville ne défend aucun intérêt particulier ».",
	    "- « Nous poursuivrons les travaux dans les jours qui viennent. »",
	    "« Les dépenses vont baisser »",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 3);
	check(f, 0, "La ville ne défend aucun intérêt particulier", "Jean Roy",
	    "maire", 1);
	check(f, 1, "Nous poursuivrons les travaux dans les jours qui "
	    "viennent.", "Jean Roy", "maire", 2);
	check(f, 2, "Les dépenses vont baisser", "Jean Roy", "maire", 3);
	done(f);
}

static void
test_not_named_in_own_quote(void **state)
{
	struct fx *f;

	(void)state;
	/* One speaks of others by name, not of oneself: "il" is not the
	 * one the quote names; a short "Je …" is said, not a title, here
	 * by the other one named, answering. */
	f = run(NULL, NULL,
	    "La tension est montée entre Jelle Van Damme et Benjamin "
	    "Deceuninck hier soir à Mouscron.",
	    "« Je connais le tempérament de Jelle et il y avait beaucoup "
	    "d’adrénaline », a-t-il dit.",
	    "« Je connais bien Benjamin »",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 2);
	check(f, 0, "Je connais le tempérament de Jelle et il y avait "
	    "beaucoup d’adrénaline", "Benjamin Deceuninck", NULL, 1);
	check(f, 1, "Je connais bien Benjamin", "Jelle Van Damme", NULL, 2);
	done(f);
}

static void
test_words_of(void **state)
{
	struct fx *f;

	(void)state;
	/* The sentence after the quote names whose words they were. */
	f = run(NULL, NULL,
	    "« Nous réfléchissons à des changements dans les participations "
	    "de l’État. » Cette petite phrase d’Arnaud Montebourg a surpris.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 1);
	check(f, 0, "Nous réfléchissons à des changements dans les "
	    "participations de l’État.", "Arnaud Montebourg", NULL, 0);
	done(f);
}

static void
test_role_with_title_words(void **state)
{
	struct fx *f;

	(void)state;
	/* The person noun may follow a capitalised title word, and roles
	 * may be joined by "et". */
	f = run(NULL, NULL,
	    "Joëlle Milquet était l’invitée de la radio ce lundi. Pour la "
	    "Vice première ministre et ministre de l’Intérieur, il n’est "
	    "« pas question de la supprimer ».",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 1);
	check(f, 0, "pas question de la supprimer", "Joëlle Milquet",
	    "Vice première ministre et ministre de l’Intérieur", 0);
	done(f);
}

static void
test_lead_in_verbs(void **state)
{
	struct fx *f;

	(void)state;
	/* "NAME, [y] VERB « … »" with verbs of judgement and description. */
	assert_true(ap_quotes_is_verb("voit"));
	assert_true(ap_quotes_is_verb("décrit"));
	assert_true(ap_quotes_is_verb("qualifie"));
	assert_true(ap_quotes_is_verb("évoque"));
	assert_true(ap_quotes_is_verb("résume"));
	assert_true(ap_quotes_is_verb("juge"));
	assert_false(ap_quotes_is_verb("vu"));
	f = run(NULL, NULL,
	    "Sa commissaire, Agathe Leroux, y voit « une redécouverte "
	    "attendue depuis des décennies ».",
	    "L’avocate de l’entreprise, Laure Dumas, a décrit «un mécanisme "
	    "organisé, répété pendant dix ans».",
	    "Le juge Paul Girard qualifie l’affaire de « fraude très bien "
	    "organisée ».",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 3);
	check(f, 0, "une redécouverte attendue depuis des décennies",
	    "Agathe Leroux", NULL, 0);
	check(f, 1, "un mécanisme organisé, répété pendant dix ans",
	    "Laure Dumas", "avocate de l’entreprise", 1);
	check(f, 2, "fraude très bien organisée", "Paul Girard", "juge", 2);
	done(f);
}

static void
test_reflexive_elided_role(void **state)
{
	struct fx *f;

	(void)state;
	/* "se réjouit l’œnologue X": a reflexive verb, then a role with an
	 * elided article before the name. */
	f = run(NULL, NULL,
	    "« C’est un millésime superbe et très équilibré », se réjouit "
	    "l’œnologue Bastien Roques, qui conseille trente domaines.",
	    "« Nous avons tout perdu cette année », s’est désolée "
	    "l’exploitante Mathilde Cazals.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 2);
	check(f, 0, "C’est un millésime superbe et très équilibré",
	    "Bastien Roques", "œnologue", 0);
	check(f, 1, "Nous avons tout perdu cette année", "Mathilde Cazals",
	    "exploitante", 1);
	done(f);
}

static void
test_body_and_acronym_roles(void **state)
{
	struct fx *f;

	(void)state;
	/* A role in capitals is a role ("le PDG, X"), not a body named
	 * "PDG"; "l'agence de notation" later is the agency named with it. */
	f = run(NULL, NULL,
	    "« La reprise sera lente », prévient le PDG, Pekka Lundmark.",
	    "L’agence de notation Moody’s a abaissé mardi la note du pays.",
	    "Elle juge la dette soutenable « à des taux supportables », "
	    "précise l’agence de notation.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 2);
	check(f, 0, "La reprise sera lente", "Pekka Lundmark", "PDG", 0);
	check(f, 1, "à des taux supportables", "Moody’s",
	    "agence de notation", 2);
	done(f);
}

static void
test_particle_before_a_full_name(void **state)
{
	struct fx *f;

	(void)state;
	/* "de" before a first name and a surname joins no name: the
	 * account is not a person called "Twitter de Didier Reynders". */
	f = run(NULL, NULL,
	    "Le compte Twitter de Didier Reynders a publié une photo.",
	    "« Bruxelles doit travailler avec la Wallonie », a déclaré "
	    "Didier Reynders.",
	    "« Vive la République », a lancé Charles de Gaulle.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 2);
	check(f, 0, "Bruxelles doit travailler avec la Wallonie",
	    "Didier Reynders", NULL, 1);
	check(f, 1, "Vive la République", "Charles de Gaulle", NULL, 2);
	done(f);
}

static void
test_interview_topic_lead(void **state)
{
	struct fx *f;

	(void)state;
	/* "Sur X « … »": an interview's topic run into the answer. */
	f = run(NULL, NULL,
	    "« Il faut améliorer nos services de sécurité », a déclaré "
	    "Joëlle Milquet sur BelRTL.",
	    "Sur l’engagement belge au Mali « Nous avons été le premier pays "
	    "à aider la France dans sa lutte. »",
	    "Sur le budget, le gouvernement a présenté « un plan de "
	    "rigueur sans précédent » mardi.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 3);
	check(f, 1, "Nous avons été le premier pays à aider la France dans "
	    "sa lutte.", "Joëlle Milquet", NULL, 1);
	/* A clause before the quotation: no topic, no answer. */
	assert_true(f->d.art.quotes[2].speaker == NULL ||
	    strcmp(f->d.art.quotes[2].speaker, "Joëlle Milquet") != 0);
	done(f);
}

static void
test_colon_paragraph(void **state)
{
	struct fx *f;

	(void)state;
	/* A paragraph ending with ":" leads in the quote opening the next
	 * one, even when it runs over paragraphs; only the next one. */
	f = run(NULL, NULL,
	    "Mardi soir, la principale du collège, Hélène Marchand, a lu "
	    "devant les parents une déclaration adressée au rectorat :",
	    "« Je mesure pleinement l’inquiétude des familles.",
	    "« J’ai demandé des solutions concrètes au rectorat. »",
	    "Le recteur Paul Girard a répondu le lendemain :",
	    "— Nous cherchons un professeur depuis le mois d’août.",
	    "Les parents restent inquiets. Voici la liste des demandes :",
	    "Les cours manqués sont nombreux.",
	    "« Nous reviendrons lundi prochain avec les enfants. »",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 3);
	check(f, 0, "Je mesure pleinement l’inquiétude des familles. J’ai "
	    "demandé des solutions concrètes au rectorat.", "Hélène Marchand",
	    "principale du collège", 1);
	check(f, 1, "Nous cherchons un professeur depuis le mois d’août.",
	    "Paul Girard", "recteur", 4);
	check(f, 2, "Nous reviendrons lundi prochain avec les enfants.",
	    NULL, NULL, 7);
	done(f);
}

static void
test_dialogue_question_incise(void **state)
{
	struct fx *f;

	(void)state;
	/* After "?" or "!", a lower-case reporting verb opens an incise
	 * with no comma; the mark stays with the quote.  A capital opens a
	 * new sentence instead. */
	f = run(NULL, NULL,
	    "— Reconnaissez-vous avoir établi ces fausses factures ? demande "
	    "la juge Claire Vasseur.",
	    "— Sortez tout de suite ! lance-t-elle.",
	    "— Où est passé l’argent ? Personne ne le sait.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 3);
	check(f, 0, "Reconnaissez-vous avoir établi ces fausses factures ?",
	    "Claire Vasseur", "juge", 0);
	check(f, 1, "Sortez tout de suite !", "Claire Vasseur", "juge", 1);
	check(f, 2, "Où est passé l’argent ? Personne ne le sait.", NULL,
	    NULL, 2);
	done(f);
}

struct failing {
	size_t	 left;		/* allocations before the first failure */
};

static void *
f_malloc(size_t n, void *arg)
{
	struct failing *fa = arg;

	if (fa->left == 0)
		return NULL;
	fa->left--;
	return malloc(n);
}

static void *
f_realloc(void *p, size_t n, void *arg)
{
	struct failing *fa = arg;

	if (fa->left == 0)
		return NULL;
	fa->left--;
	return realloc(p, n);
}

static void
f_free(void *p, void *arg)
{
	(void)arg;
	free(p);
}

/* Allocation i fails, for every i: the arena jumps out, nothing leaks. */
static void
test_out_of_memory(void **state)
{
	static const char *const text[] = {
		"Marie Dubois, la maire, a parlé. « Nous partirons demain, "
		"a-t-elle dit. Il faudra se lever tôt. »",
		"« Les résultats sont là », a indiqué M. Dubois.",
	};
	struct failing fa;
	struct ap_allocator al = { f_malloc, f_realloc, f_free, &fa };
	struct ap_body body[2];
	struct ap_doc *d;
	jmp_buf jb;
	volatile size_t i;
	volatile bool done_all = false;

	(void)state;
	for (i = 0; i < 10000 && !done_all; i++) {
		d = calloc(1, sizeof(*d));
		assert_non_null(d);
		fa.left = i;
		ap_arena_init(&d->arena, &al);
		body[0].type = body[1].type = AP_BODY_PARAGRAPH;
		body[0].text = text[0];
		body[1].text = text[1];
		d->art.body = body;
		d->art.nbody = 2;
		if (setjmp(jb) == 0) {
			d->arena.oom = &jb;
			ap_quotes_find(d);
			assert_int_equal(d->art.nquotes, 2);
			done_all = true;
		}
		ap_arena_fini(&d->arena);
		free(d);
	}
	assert_true(done_all);
	assert_true(i > 1);
}

/* Every form of data/fr-reporting-verbs.txt is in the compiled table. */
static void
test_lexicon(void **state)
{
	char line[256], *p;
	size_t n = 0;
	FILE *fp;

	(void)state;
	assert_true(ap_quotes_is_verb("déclaré"));
	assert_true(ap_quotes_is_verb("met en garde"));
	assert_false(ap_quotes_is_verb("maison"));
	fp = fopen("data/fr-reporting-verbs.txt", "r");
	if (fp == NULL)
		skip();
	while (fgets(line, sizeof(line), fp) != NULL) {
		if ((p = strchr(line, '#')) != NULL)
			*p = '\0';
		p = line + strlen(line);
		while (p > line && (p[-1] == '\n' || p[-1] == ' ' ||
		    p[-1] == '\t'))
			*--p = '\0';
		if (*line == '\0')
			continue;
		if (!ap_quotes_is_verb(line))
			fail_msg("\"%s\" missing: rebuild "
			    "src/fr-reporting-verbs.inc", line);
		n++;
	}
	fclose(fp);
	assert_true(n > 500);
}

static void
test_subject_nearby(void **state)
{
	struct fx *f;

	(void)state;
	/* No one quoted yet: an interview's answer is the words of the
	 * person the paragraphs before present, but a work's title stays
	 * no quotation. */
	f = run(NULL, NULL,
	    "Marie Lenoir vient d’être élue à la tête du club de Namur.",
	    "Une surprise ?",
	    "« Non, mais la participation a doublé cette année. »",
	    "« Le Grand Bleu » ressort en salles.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 1);
	check(f, 0, "Non, mais la participation a doublé cette année.",
	    "Marie Lenoir", NULL, 2);
	done(f);
}

static void
test_place_before_name(void **state)
{
	struct fx *f;

	(void)state;
	/* A place or a body's one-word name glued before a full name is
	 * not part of it: "à Lille Claire Morel", "de l’Intérieur Paul
	 * Roux". */
	f = run(NULL, NULL,
	    "« Les travaux reprendront lundi », prévient à Lille Claire "
	    "Morel, ingénieure.",
	    "« Nous sommes confiants », a déclaré le ministre de "
	    "l’Intérieur Paul Roux.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 2);
	check(f, 0, "Les travaux reprendront lundi", "Claire Morel",
	    "ingénieure", 0);
	check(f, 1, "Nous sommes confiants", "Paul Roux",
	    "ministre de l’Intérieur", 1);
	done(f);
}

static void
test_pull_quote(void **state)
{
	struct fx *f;

	(void)state;
	/* A subhead quoting words said further down is said by whoever
	 * says them there, not by the speaker before it. */
	f = run(NULL, NULL,
	    "« Nous ne céderons rien », a lancé Paul Roux, délégué syndical.",
	    "« Un accord fragile »",
	    "La direction a signé mardi.",
	    "« C’est un accord fragile, mais c’est un accord », estime Anne "
	    "Vidal, la directrice.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 3);
	check(f, 1, "Un accord fragile", "Anne Vidal", "directrice", 1);
	check(f, 2, "C’est un accord fragile, mais c’est un accord",
	    "Anne Vidal", "directrice", 3);
	done(f);
}

static void
test_role_noun_far(void **state)
{
	struct fx *f;

	(void)state;
	/* After a reporting verb, a role noun may stand for a person named
	 * further back than a pronoun reaches. */
	f = run(NULL, NULL,
	    "Luc Martin couvrait le match pour la radio locale.",
	    "Le stade était plein.",
	    "La pluie tombait depuis midi.",
	    "Le score est resté nul.",
	    "« Il n’y a aucune raison de dramatiser », a confié le "
	    "journaliste.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 1);
	check(f, 0, "Il n’y a aucune raison de dramatiser", "Luc Martin",
	    "journaliste", 4);
	done(f);
}

static void
test_initials_first_name(void **state)
{
	struct fx *f;

	(void)state;
	/* Two capitals before a surname are a first name's initials, not
	 * an acronym: the person is known to the pronoun after. */
	f = run(NULL, NULL,
	    "Le candidat au Sénat, TJ Miller, a parlé longtemps. « Nous irons "
	    "jusqu’au bout », a-t-il promis.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 1);
	check(f, 0, "Nous irons jusqu’au bout", "TJ Miller",
	    "candidat au Sénat", 0);
	done(f);
}

static void
test_narrative_infinitive(void **state)
{
	struct fx *f;

	(void)state;
	/* "Et d’ajouter : « … »" goes on with the one quoted before. */
	f = run(NULL, NULL,
	    "« Le pays attend des réponses », a déclaré Anne Vidal. Et "
	    "d’ajouter : « Nous les donnerons dès lundi. »",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 2);
	check(f, 1, "Nous les donnerons dès lundi.", "Anne Vidal", NULL, 0);
	done(f);
}

static void
test_pour_name_bracket(void **state)
{
	struct fx *f;

	(void)state;
	/* "Pour X (party), « … »": the bracket after the name is no end
	 * of the lead-in. */
	f = run(NULL, NULL,
	    "Pour Marc Lenoir (Ecolo), « ce budget ne tient pas debout ».",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 1);
	check(f, 0, "ce budget ne tient pas debout", "Marc Lenoir", NULL, 0);
	done(f);
}

static void
test_added_to_previous(void **state)
{
	struct fx *f;

	(void)state;
	/* "a ajouté X" says X spoke before: the quotation before it in the
	 * paragraph, with no speaker of its own, is X's too. */
	f = run(NULL, NULL,
	    "Le club reste sans nouvelles « de plus de trente » membres. "
	    "« Nous gardons espoir », a ajouté Marc Lenoir.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 2);
	check(f, 0, "de plus de trente", "Marc Lenoir", NULL, 0);
	check(f, 1, "Nous gardons espoir", "Marc Lenoir", NULL, 0);
	done(f);
}

static void
test_in_the_person_of(void **state)
{
	struct fx *f;

	(void)state;
	/* "les autorités en la personne du préfet": the one named after
	 * the idiom speaks, not the body before it nor someone named
	 * earlier. */
	f = run(NULL, NULL,
	    "Marc Lenoir a porté plainte lundi.",
	    "La préfecture en la personne du préfet de l’Aude assure qu’il "
	    "n’y a « aucun risque pour les riverains ».",
	    "La mairie, en la personne de Anne Vidal, estime qu’il faut "
	    "« rouvrir le pont au plus vite ».",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 2);
	check(f, 0, "aucun risque pour les riverains", "le préfet de l’Aude",
	    NULL, 1);
	check(f, 1, "rouvrir le pont au plus vite", "Anne Vidal", "mairie", 2);
	done(f);
}

static void
test_selon_inside(void **state)
{
	struct fx *f;

	(void)state;
	/* "selon lui", "selon X" inside the sentence before the quote. */
	f = run(NULL, NULL,
	    "Marc Lenoir étudie les réseaux. Leur essor traduirait selon lui "
	    "un « besoin de se rassurer à tout prix ».",
	    "La reprise serait, selon Anne Vidal, « une affaire de mois ».",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 2);
	check(f, 0, "besoin de se rassurer à tout prix", "Marc Lenoir", NULL,
	    0);
	check(f, 1, "une affaire de mois", "Anne Vidal", NULL, 1);
	done(f);
}

static void
test_read_in_document(void **state)
{
	struct fx *f;

	(void)state;
	/* "on peut lire" names the document read as the speaker, said
	 * with the definite article. */
	f = run(NULL, NULL,
	    "Dans ce rapport, on peut lire que « la digue ne tiendra pas "
	    "dix ans ».",
	    "On lit dans la note : « Aucun crédit ne sera débloqué cette "
	    "année. »",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 2);
	check(f, 0, "la digue ne tiendra pas dix ans", "le rapport", NULL, 0);
	check(f, 1, "Aucun crédit ne sera débloqué cette année.", "la note",
	    NULL, 1);
	done(f);
}

static void
test_document_subject(void **state)
{
	struct fx *f;

	(void)state;
	/* A document the sentence, or the one before, is about says the
	 * wording quoted from it; a title stays no quotation. */
	f = run(NULL, NULL,
	    "Le projet de décret fixe les cas d’exemption. Il s’agit "
	    "notamment de « la protection des sources journalistiques ».",
	    "Le rapport cite « Le Petit Prince » parmi les livres lus.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 1);
	check(f, 0, "la protection des sources journalistiques",
	    "le projet de décret", NULL, 0);
	done(f);
}

static void
test_colon_no_subject(void **state)
{
	struct fx *f;

	(void)state;
	/* A colon whose sentence names no one introduces more of the
	 * speech quoted just before. */
	f = run(NULL, NULL,
	    "« Nous partons lundi », a déclaré Marc Lenoir.",
	    "Sur le budget, pas de détail : « Nous verrons en juin, rien "
	    "n’est fixé ».",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 2);
	check(f, 1, "Nous verrons en juin, rien n’est fixé", "Marc Lenoir",
	    NULL, 1);
	done(f);
}

static void
test_side_of_on(void **state)
{
	struct fx *f;

	(void)state;
	/* "Du côté du club, on estime « … »": "on" speaks for the body
	 * the sentence opens with. */
	f = run(NULL, NULL,
	    "Du côté du Racing de Gand, on estime « que l’affaire est close "
	    "pour de bon ».",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 1);
	check(f, 0, "que l’affaire est close pour de bon",
	    "le Racing de Gand", NULL, 0);
	done(f);
}

static void
test_elided_adverb(void **state)
{
	struct fx *f;

	(void)state;
	/* "d’ailleurs", cut at its elision, is still an adverb between
	 * the verb and its subject, and between auxiliary and verb. */
	f = run(NULL, NULL,
	    "Le festival s’ouvre ce soir. « Nous avons choisi des films "
	    "exigeants » soulignait d’ailleurs Claire Morel.",
	    "« Le public suivra sans peine », a d’ailleurs assuré Paul Roux.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 2);
	check(f, 0, "Nous avons choisi des films exigeants", "Claire Morel",
	    NULL, 0);
	check(f, 1, "Le public suivra sans peine", "Paul Roux", NULL, 1);
	done(f);
}

static void
test_sentence_incise(void **state)
{
	struct fx *f;

	(void)state;
	/* The incise ends the sentence, after words that follow the
	 * quote. */
	f = run(NULL, NULL,
	    "Le nombre de communes endettées « reste bien trop élevé pour "
	    "la région » cette année (dix de plus qu’en 2021), note aussi "
	    "la Cour des Comptes.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 1);
	check(f, 0, "reste bien trop élevé pour la région",
	    "la Cour des Comptes", NULL, 0);
	done(f);
}

static void
test_sentence_source(void **state)
{
	struct fx *f;

	(void)state;
	/* A press review: the paper opens the sentence before the quote,
	 * or is the subject of an incise that ends it, a comma left out,
	 * and a quote running on into the next paragraph is its too. */
	f = run(NULL, NULL,
	    "La Gazette préfère retenir le parcours du maire. « Il a "
	    "transformé la ville en dix ans ».",
	    "Peu d’élus ont été aussi critiqués que Marc Vidal constate Le "
	    "Courrier. « Mais il reste un homme de dossiers.",
	    "Il connaissait chaque rue de sa commune ».",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 2);
	check(f, 0, "Il a transformé la ville en dix ans", "La Gazette",
	    NULL, 0);
	check(f, 1, "Mais il reste un homme de dossiers. Il connaissait "
	    "chaque rue de sa commune", "Le Courrier", NULL, 1);
	done(f);
}

static void
test_media_noun(void **state)
{
	struct fx *f;

	(void)state;
	/* "le quotidien" alone is the paper cited last: one quoted in the
	 * paragraph, or a one-word name after "selon". */
	f = run(NULL, NULL,
	    "La Gazette préfère retenir le parcours du maire. « Il a "
	    "transformé la ville en dix ans ». « Un homme de dossiers », "
	    "souligne le quotidien.",
	    "Selon Libération, le texte sera voté mardi.",
	    "« Les deux camps se parlent à nouveau depuis lundi », précise "
	    "l’hebdomadaire.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 3);
	check(f, 1, "Un homme de dossiers", "La Gazette", "quotidien", 0);
	check(f, 2, "Les deux camps se parlent à nouveau depuis lundi",
	    "Libération", "hebdomadaire", 2);
	done(f);
}

static void
test_acronym_spelled_out(void **state)
{
	struct fx *f;

	(void)state;
	/* "le PS" is the name the article spelled it out with; an acronym
	 * it never spells out stays. */
	f = run(NULL, NULL,
	    "Le Parti socialiste a réuni ses cadres dimanche à Lyon.",
	    "« Nous condamnons cette agression », écrit le PS dans un "
	    "communiqué.",
	    "« Le dialogue social reste bloqué », estime la CGT.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 2);
	check(f, 0, "Nous condamnons cette agression", "le Parti socialiste",
	    NULL, 1);
	check(f, 1, "Le dialogue social reste bloqué", "la CGT", NULL, 2);
	done(f);
}

static void
test_possessive_source(void **state)
{
	struct fx *f;

	(void)state;
	/* "sa famille" is the family of the person it refers to, the
	 * sentence's first, and "la famille" later the same; "son avocat"
	 * as an incise's subject. */
	f = run(NULL, NULL,
	    "Le militant Paul Girard a été hospitalisé mardi après une "
	    "agression par un élu, Marc Vidal, a indiqué sa famille.",
	    "« Il se repose et va mieux », souligne la famille.",
	    "Anne Roy a quitté le tribunal. « Elle fera appel », a précisé "
	    "son avocat.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 2);
	check(f, 0, "Il se repose et va mieux", "la famille de Paul Girard",
	    "famille", 1);
	check(f, 1, "Elle fera appel", "l'avocat d'Anne Roy", NULL, 2);
	done(f);
}

static void
test_answer_names_the_last(void **state)
{
	struct fx *f;

	(void)state;
	/* A paragraph that is one quotation naming the one quoted just
	 * before is the other person's answer. */
	f = run(NULL, NULL,
	    "Le joueur Marc Lenoir a pris à partie le journaliste Hugo "
	    "Brun après le match.",
	    "« Si tu continues comme ça, fais attention à toi », a-t-il "
	    "dit, en pointant du doigt Brun.",
	    "« Je connais bien le tempérament de Marc, il reste un bon "
	    "joueur. »",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 2);
	check(f, 1, "Je connais bien le tempérament de Marc, il reste un "
	    "bon joueur.", "Hugo Brun", "journaliste", 2);
	done(f);
}

static void
test_straight_quote_only(void **state)
{
	struct fx *f;

	(void)state;
	/* Straight double quotes make a paragraph one quotation too. */
	f = run(NULL, NULL,
	    "Didier Roux vient d’être élu président du club de Namur.",
	    "\"Nous allons reconstruire une équipe solide et jeune.\"",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 1);
	check(f, 0, "Nous allons reconstruire une équipe solide et jeune.",
	    "Didier Roux", NULL, 1);
	done(f);
}

static void
test_pull_quote_abridged(void **state)
{
	struct fx *f;

	(void)state;
	/* A pull quote may abridge the words it repeats: all its longer
	 * words in a quotation below give the speaker. */
	f = run(NULL, NULL,
	    "« Un bâtisseur, un homme de dossiers »",
	    "Le conseil a rendu hommage au maire sortant. « Le bâtisseur "
	    "qu’il fut est resté un homme de dossiers », a salué Paul Roux.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 2);
	check(f, 0, "Un bâtisseur, un homme de dossiers", "Paul Roux", NULL,
	    0);
	done(f);
}

static void
test_name_with_apostrophe(void **state)
{
	struct fx *f;

	(void)state;
	/* "M’jid" within a sentence is a first name, not "m’" elided. */
	f = run(NULL, NULL,
	    "Paul Roux a porté plainte mardi.",
	    "Contacté par l’AFP, M’jid Benali a reconnu les faits. « Je "
	    "regrette mon geste », a-t-il dit.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 1);
	check(f, 0, "Je regrette mon geste", "M’jid Benali", NULL, 1);
	done(f);
}

static void
test_paper_name_small_words(void **state)
{
	struct fx *f;

	(void)state;
	/* A paper's name may hold small words up to the "ne" of its
	 * verb. */
	f = run(NULL, NULL,
	    "La Voix nouvelle ne cache pas sa déception. « Le club a raté "
	    "toute sa saison ».",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 1);
	check(f, 0, "Le club a raté toute sa saison", "La Voix nouvelle",
	    NULL, 0);
	done(f);
}

static void
test_source_of_sentence_before(void **state)
{
	struct fx *f;

	(void)state;
	/* Words quoted inside a sentence about them ("C’est …") go on
	 * with the source an incise ended the sentence before with; "a
	 * ajouté X" after them still says better. */
	f = run(NULL, NULL,
	    "La langue est la pire des choses, disait Ésope. C’est aussi la "
	    "source « de la calomnie et du mensonge ».",
	    "Le bilan s’est alourdi, a déclaré le ministre Paul Girard. "
	    "C’est « un drame pour les familles ». « Nous sommes très "
	    "inquiets », a ajouté Laurent Fabius.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 3);
	check(f, 0, "de la calomnie et du mensonge", "Ésope", NULL, 0);
	check(f, 1, "un drame pour les familles", "Laurent Fabius", NULL, 1);
	done(f);
}

static void
test_pronoun_holder(void **state)
{
	struct fx *f;

	(void)state;
	/* Words quoted inside a sentence opening with "elle", with no
	 * other cue, are those of the one "elle" stands for; "la police
	 * est" after "Pour Anne Roy," is a clause, not her role. */
	f = run(NULL, NULL,
	    "La ministre de l’Intérieur était l’invitée de la radio. Pour "
	    "Anne Roy, la police est « un service indispensable ». Elle "
	    "s’est aussi posée en faveur d’une « réforme rapide des "
	    "contrôles ».",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 2);
	check(f, 0, "un service indispensable", "Anne Roy", NULL, 0);
	check(f, 1, "réforme rapide des contrôles", "Anne Roy", NULL, 0);
	done(f);
}

static void
test_scholar_role_nouns(void **state)
{
	struct fx *f;

	(void)state;
	/* "l’anthropologue", "la psychiatre" alone stand for the person
	 * named before, like "le sociologue". */
	f = run(NULL, NULL,
	    "Éric Vidal publie un essai sur la langue des réseaux.",
	    "« Les mots figés nous empêchent de penser », explique "
	    "l’anthropologue.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 1);
	check(f, 0, "Les mots figés nous empêchent de penser", "Éric Vidal",
	    "anthropologue", 1);
	done(f);
}

static void
test_participle_ends_no_speaker(void **state)
{
	struct fx *f;

	(void)state;
	/* A speaker never ends on the participle that opens a complement;
	 * a capitalised word is a name's, kept. */
	f = run(NULL, NULL,
	    "« Tout fonctionne normalement ce matin », a confirmé "
	    "l’aéroport situé à Gosselies.",
	    "« Les vols reprennent », précise la compagnie basée à Namur.",
	    NULL);
	assert_int_equal(f->d.art.nquotes, 2);
	check(f, 0, "Tout fonctionne normalement ce matin", "l’aéroport",
	    NULL, 0);
	check(f, 1, "Les vols reprennent", "la compagnie", NULL, 1);
	done(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_word_lists_hashed),
		cmocka_unit_test(test_incise_name_role),
		cmocka_unit_test(test_incise_body),
		cmocka_unit_test(test_pronoun_for_a_body),
		cmocka_unit_test(test_connective_before_quote),
		cmocka_unit_test(test_inverted_pronoun),
		cmocka_unit_test(test_selon),
		cmocka_unit_test(test_declared_before),
		cmocka_unit_test(test_multi_paragraph),
		cmocka_unit_test(test_dialogue_dash),
		cmocka_unit_test(test_scare_quotes),
		cmocka_unit_test(test_curly_quotes),
		cmocka_unit_test(test_nbsp_variants),
		cmocka_unit_test(test_headline_standfirst),
		cmocka_unit_test(test_surname_expansion),
		cmocka_unit_test(test_surname_named_later),
		cmocka_unit_test(test_middle_initial),
		cmocka_unit_test(test_work_titles),
		cmocka_unit_test(test_german_marks),
		cmocka_unit_test(test_blockquote_incise),
		cmocka_unit_test(test_no_speaker),
		cmocka_unit_test(test_orgnoun_not_person),
		cmocka_unit_test(test_pour_source),
		cmocka_unit_test(test_pronoun_prefers_role),
		cmocka_unit_test(test_role_noun_anaphor),
		cmocka_unit_test(test_announced_list),
		cmocka_unit_test(test_not_named_in_own_quote),
		cmocka_unit_test(test_words_of),
		cmocka_unit_test(test_role_with_title_words),
		cmocka_unit_test(test_lead_in_verbs),
		cmocka_unit_test(test_reflexive_elided_role),
		cmocka_unit_test(test_body_and_acronym_roles),
		cmocka_unit_test(test_particle_before_a_full_name),
		cmocka_unit_test(test_interview_topic_lead),
		cmocka_unit_test(test_colon_paragraph),
		cmocka_unit_test(test_dialogue_question_incise),
		cmocka_unit_test(test_subject_nearby),
		cmocka_unit_test(test_place_before_name),
		cmocka_unit_test(test_pull_quote),
		cmocka_unit_test(test_role_noun_far),
		cmocka_unit_test(test_initials_first_name),
		cmocka_unit_test(test_narrative_infinitive),
		cmocka_unit_test(test_pour_name_bracket),
		cmocka_unit_test(test_added_to_previous),
		cmocka_unit_test(test_in_the_person_of),
		cmocka_unit_test(test_selon_inside),
		cmocka_unit_test(test_read_in_document),
		cmocka_unit_test(test_document_subject),
		cmocka_unit_test(test_colon_no_subject),
		cmocka_unit_test(test_side_of_on),
		cmocka_unit_test(test_elided_adverb),
		cmocka_unit_test(test_sentence_incise),
		cmocka_unit_test(test_sentence_source),
		cmocka_unit_test(test_media_noun),
		cmocka_unit_test(test_acronym_spelled_out),
		cmocka_unit_test(test_possessive_source),
		cmocka_unit_test(test_answer_names_the_last),
		cmocka_unit_test(test_straight_quote_only),
		cmocka_unit_test(test_pull_quote_abridged),
		cmocka_unit_test(test_name_with_apostrophe),
		cmocka_unit_test(test_paper_name_small_words),
		cmocka_unit_test(test_source_of_sentence_before),
		cmocka_unit_test(test_pronoun_holder),
		cmocka_unit_test(test_scholar_role_nouns),
		cmocka_unit_test(test_participle_ends_no_speaker),
		cmocka_unit_test(test_out_of_memory),
		cmocka_unit_test(test_lexicon),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
