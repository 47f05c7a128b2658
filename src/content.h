/* SPDX-License-Identifier: ISC */
/*
 * The content scoring stage: for every block, a table of named features
 * (text shape, links, the page's class cues, place in the sequence) and
 * the probability that the block is article text, from weights fitted on
 * the development corpora (data/content-weights.txt, `make train`).  The
 * classifier finds the body region from these probabilities.
 */
#ifndef AP_CONTENT_H
#define AP_CONTENT_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"

/* The named features, in the order of the weight table. */
enum ap_cfeat {
#define AP_CFEAT(id, name, meaning) id,
#include "content-features.def"
#undef AP_CFEAT
	CF__MAX
};

/* A feature's name and one-line meaning. */
const char	*ap_cfeat_name(enum ap_cfeat);
const char	*ap_cfeat_meaning(enum ap_cfeat);

/* The parameters of the fitted stage besides the weights. */
struct ap_cparams {
	double	 threshold;	/* p above which a block adds to the body */
	double	 length_bias;	/* characters added to a block's length */
	double	 keep;		/* p under which a body block is dropped */
};
/*
 * A fitted tree ensemble (data/content-weights.txt): node feat < CF__MAX
 * sends a row to node yes when x[feat] <= thr, else to node no; a leaf
 * (feat == CF__MAX) adds its value to the log-odds.  A split node's
 * value is the mean of the leaves under it, for explaining a score.
 */
struct ap_tnode {
	unsigned	 feat;
	double		 thr;
	unsigned	 yes, no;
	double		 value;
};

struct ap_forest {
	double			 base;	/* log-odds before any tree */
	const struct ap_tnode	*nodes;
	const unsigned		*roots;	/* each tree's first node */
	size_t			 ntrees;	/* 0: the kind keeps the weights */
};

/*
 * The log-odds of row x under forest f.  With contrib (CF__MAX values,
 * added to), each feature's share: the change of value along the paths
 * its splits took.
 */
double	 ap_forest_logit(const struct ap_forest *f, const double *x,
	    double *contrib);

/*
 * The feature of row x (one block) whose share most raises (sign 1) or
 * lowers (sign -1) its score, for the tree view; CF_BIAS when none does.
 */
enum ap_cfeat	 ap_content_top(const struct ap_doc *d, const double *x,
		    int sign);

/* part / whole, 0 when whole is 0: the share features. */
static inline double
ap_share(size_t part, size_t whole)
{
	return whole > 0 ? (double)part / (double)whole : 0.0;
}

/* Whether d was read as a page (HTML), not as text. */
bool	 ap_doc_is_html(const struct ap_doc *d);

/* The parameters for d's kind of input (page or text). */
const struct ap_cparams *ap_content_params(const struct ap_doc *d);

/*
 * Features of every block of d, row-major into x (d->nblocks * CF__MAX
 * values); x is owned by the caller.  Depends only on the front end's
 * blocks and ap_features(), never on the classifier's labels.
 */
void	 ap_content_features(struct ap_doc *d, double *x);

/* Fill each block's content probability (b->content). */
void	 ap_content_score(struct ap_doc *d);

#endif /* AP_CONTENT_H */
