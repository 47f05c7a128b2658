/* SPDX-License-Identifier: ISC */
/*
 * The allocation functions of libxml2 (xmlMemSetup) and jansson
 * (json_set_alloc_funcs).  Both libraries keep them in process-wide
 * variables, so they are set once, and each call looks up the allocator
 * of the document that the calling thread is parsing (a thread-local
 * pointer set by ap_parse() for its duration); outside ap_parse(), and
 * in threads that are not in it, they are malloc, realloc and free.
 * A refused allocation is remembered: libxml2 may carry on without it
 * (a truncated tree, a NULL URI) and jansson returns NULL as it does
 * for bad JSON, so ap_parse() reports AP_ENOMEM whatever they did next.
 *
 * utf8proc needs no hook: artparse calls only functions that write into
 * buffers it passes (utf8proc_decompose, utf8proc_reencode, the property
 * look-ups), never utf8proc_map() or utf8proc_NFC(), which malloc.
 */
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

#include "hooks.h"

/*
 * Each block they allocate inside ap_parse() carries a header that links
 * it into the list of the document's foreign blocks, with its size and
 * where it came from.
 *
 * libxml2 2.9 is not safe when its allocator returns NULL: it crashes
 * (xmlSwitchToEncoding() when its buffer cannot be had), loops for ever
 * (a failed dictionary look-up inside a start tag) or leaks
 * (htmlInitParserCtxt()).  So a refusal is recorded and the request is
 * then served by malloc, the block marked to go back to free(): libxml2
 * goes on with valid memory (and soon stops, as artparse's own
 * allocations fail too, or finishes), and ap_parse() returns AP_ENOMEM.
 * Only when malloc fails as well does the library see NULL, as it would
 * without the hook.  What is still listed when ap_parse() ends after a
 * refusal is freed then.
 */
union hdr {
	struct {
		union hdr	*prev;
		union hdr	*next;
		size_t		 size;
		bool		 libc;	/* from malloc: back to free() */
	}		 l;
	max_align_t	 align;		/* the block after it stays aligned */
};

static _Thread_local const struct ap_allocator *cur;
static _Thread_local union hdr *live;
static _Thread_local bool failed;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void *
link_block(union hdr *h, size_t size, bool libc)
{
	h->l.prev = NULL;
	h->l.next = live;
	h->l.size = size;
	h->l.libc = libc;
	if (live != NULL)
		live->l.prev = h;
	live = h;
	return h + 1;
}

static void
unlink_block(union hdr *h)
{
	if (h->l.prev != NULL)
		h->l.prev->l.next = h->l.next;
	else
		live = h->l.next;
	if (h->l.next != NULL)
		h->l.next->l.prev = h->l.prev;
}

static void
free_block(union hdr *h)
{
	unlink_block(h);
	if (h->l.libc)
		free(h);
	else
		cur->free(h, cur->arg);
}

static void
refused(void)
{
	failed = true;
}

static void *
hook_malloc(size_t n)
{
	union hdr *h;

	if (cur == NULL)
		return malloc(n);
	if (n > SIZE_MAX - sizeof(*h)) {
		refused();
		return NULL;
	}
	if ((h = cur->malloc(sizeof(*h) + n, cur->arg)) != NULL)
		return link_block(h, n, false);
	refused();
	if ((h = malloc(sizeof(*h) + n)) == NULL)
		return NULL;
	return link_block(h, n, true);
}

static void *
hook_realloc(void *old, size_t n)
{
	union hdr *h, *oh;
	size_t osize;
	bool libc;

	if (cur == NULL)
		return realloc(old, n);
	if (old == NULL)
		return hook_malloc(n);
	if (n > SIZE_MAX - sizeof(*h)) {
		refused();
		return NULL;
	}
	oh = (union hdr *)old - 1;
	osize = oh->l.size;
	libc = oh->l.libc;
	unlink_block(oh);
	h = libc ? realloc(oh, sizeof(*h) + n) :
	    cur->realloc(oh, sizeof(*h) + n, cur->arg);
	if (h != NULL)
		return link_block(h, n, libc);
	link_block(oh, osize, libc);		/* still theirs, unchanged */
	if (libc)
		return NULL;			/* malloc failed too */
	refused();
	if ((h = malloc(sizeof(*h) + n)) == NULL)
		return NULL;
	memcpy(h + 1, old, osize < n ? osize : n);
	free_block(oh);
	return link_block(h, n, true);
}

static void
hook_free(void *p)
{
	if (cur == NULL)
		free(p);
	else if (p != NULL)
		free_block((union hdr *)p - 1);
}

static void
silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void
silent_structured(void *ctx, xmlErrorPtr err)
{
	(void)ctx;
	(void)err;
}

void
ap_xml_quiet(struct ap_xml_errors *saved)
{
	saved->gen = xmlGenericError;
	saved->genctx = xmlGenericErrorContext;
	saved->st = xmlStructuredError;
	saved->stctx = xmlStructuredErrorContext;
	xmlSetGenericErrorFunc(NULL, silent);
	xmlSetStructuredErrorFunc(NULL, silent_structured);
}

void
ap_xml_restore(const struct ap_xml_errors *saved)
{
	xmlSetGenericErrorFunc(saved->genctx, saved->gen);
	xmlSetStructuredErrorFunc(saved->stctx, saved->st);
}

static char *
hook_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p;

	if ((p = hook_malloc(n)) != NULL)
		memcpy(p, s, n);
	return p;
}

/*
 * Before libxml2 allocates anything: its global state (built by
 * xmlInitParser) is then malloc's and lives as long as the process.
 */
static void
install(void)
{
	xmlMemSetup(hook_free, hook_malloc, hook_realloc, hook_strdup);
	json_set_alloc_funcs(hook_malloc, hook_free);
	xmlInitParser();
}

void
ap_hooks_enter(const struct ap_allocator *al, struct ap_hooks_saved *saved)
{
	pthread_once(&once, install);
	/* libxml2 keeps a copy of the last error of each thread, freed at
	 * the next error: free it with the allocator that made it. */
	xmlResetLastError();
	saved->al = cur;
	saved->live = live;
	saved->failed = failed;
	/* Quiet before any parser context exists: libxml2 prints "Memory
	 * allocation failed" when it cannot make one.  Per thread, too. */
	ap_xml_quiet(&saved->errors);
	cur = al;
	live = NULL;
	failed = false;
}

bool
ap_hooks_failed(void)
{
	return failed;
}

void
ap_hooks_leave(const struct ap_hooks_saved *saved)
{
	xmlResetLastError();
	if (failed)
		while (live != NULL)
			free_block(live);
	ap_xml_restore(&saved->errors);
	cur = saved->al;
	live = saved->live;
	failed = saved->failed;
}
