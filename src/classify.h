/* SPDX-License-Identifier: ISC */
/*
 * Block classifier: local rules give each block its candidate roles, then
 * a pass in context finds the body region and labels every block.
 */
#ifndef AP_CLASSIFY_H
#define AP_CLASSIFY_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"

/* Boilerplate kind of a block judged alone ("share", "credit"), or NULL. */
const char	*ap_rule_boilerplate(const struct ap_block *);
/* "Articles connexes", "À lire aussi" alone on a line. */
bool		 ap_rule_related_label(const struct ap_block *);
/* "Lire aussi : <titre>" inline insert. */
bool		 ap_rule_related_inline(const struct ap_block *);
/* Bytes of a verb lead and its colon ("Lire l'entretien :"), or 0. */
size_t		 ap_rule_verb_lead(const struct ap_block *);
/* "Par Jeanne Dupont", "La Presse Canadienne", "Propos recueillis par …". */
bool		 ap_rule_byline(const struct ap_block *);
/* "Publié le 3 mars 2024 à 14 h 30", "03/03/2024". */
bool		 ap_rule_dateline(const struct ap_block *);
/* "Éditrice - Direction Informatique" after an author name. */
bool		 ap_rule_role(const struct ap_block *);
/* Short line without final punctuation: a title or an intertitle. */
bool		 ap_rule_titleish(const struct ap_block *);
/* Running text: long enough and ending like a sentence. */
bool		 ap_rule_prose(const struct ap_block *);
/* Section labels after which everything is dropped ("Les plus lus"). */
bool		 ap_rule_drop_label(const struct ap_block *);

/* The headline features, in the order of data/headline-weights.txt. */
enum ap_hfeat {
#define AP_HFEAT(id, name, meaning) id,
#include "headline-features.def"
#undef AP_HFEAT
	HF__MAX
};
const char	*ap_hfeat_name(enum ap_hfeat);

/*
 * Developers' hook (tools/dump-features): fn sees the features x of
 * every headline candidate i the classifier scores; NULL stops it.  One
 * hook for the process: not for use while other threads parse.
 */
typedef void	(*ap_headline_trace_fn)(const struct ap_doc *, size_t i,
		    const double *x, void *arg);
void		 ap_headline_trace(ap_headline_trace_fn, void *arg);

#endif /* AP_CLASSIFY_H */
