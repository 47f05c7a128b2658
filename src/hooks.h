/* SPDX-License-Identifier: ISC */
/*
 * libxml2 and jansson allocate through the allocator hook of the
 * ap_parse() in progress, so that the allocation-failure sweep covers
 * them and their failures come back as AP_ENOMEM.  Their allocation
 * functions are process-wide: they are installed once and look up the
 * allocator of the current thread's document (see hooks.c).
 */
#ifndef AP_HOOKS_H
#define AP_HOOKS_H

#include <stdbool.h>

#include "artparse.h"

struct _xmlError;

/* libxml2's error handlers of this thread, as ap_xml_quiet() found
 * them. */
struct ap_xml_errors {
	void			(*gen)(void *, const char *, ...);
	void			*genctx;
	void			(*st)(void *, struct _xmlError *);
	void			*stctx;
};

/* What ap_hooks_enter() replaced, for ap_hooks_leave(). */
struct ap_hooks_saved {
	const struct ap_allocator *al;
	void			*live;
	bool			 failed;
	struct ap_xml_errors	 errors;
};

/*
 * From here to ap_hooks_leave(), libxml2 and jansson allocate with "al"
 * in this thread.  The first call installs the hooks and initialises
 * libxml2 (outside any document, so its global state is malloc's).
 */
void	ap_hooks_enter(const struct ap_allocator *al,
	    struct ap_hooks_saved *saved);
/* Whether one of their allocations failed since ap_hooks_enter(): the
 * library may have gone on without it. */
bool	ap_hooks_failed(void);
/* Back to the allocator that was in use before ap_hooks_enter(). */
void	ap_hooks_leave(const struct ap_hooks_saved *saved);

/* libxml2 prints nothing in this thread until ap_xml_restore(). */
void	ap_xml_quiet(struct ap_xml_errors *saved);
void	ap_xml_restore(const struct ap_xml_errors *saved);

#endif /* AP_HOOKS_H */
