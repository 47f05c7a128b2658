/* SPDX-License-Identifier: ISC */
/*
 * Converting many inputs in one run: walking folders, file lists and
 * WARC files, a pool of persistent workers with a time bound per
 * document, outputs mirrored under -d or streamed in input order,
 * progress and summary.  Reading an input is load.c's, writing an
 * output outfile.c's, which the single-input path of main.c shares.
 */
#ifndef AP_BATCH_H
#define AP_BATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"
#include "gz.h"

/*
 * Bound the memory this process may still take to "max" bytes more than
 * it has now (RLIMIT_AS); 0, or a build with AddressSanitizer, which
 * needs a vast address space, sets no bound.  An allocation past it
 * fails, and the library reports AP_ENOMEM.
 */
void	ap_batch_limit_memory(size_t max);

/*
 * Convert the "n" inputs (files, folders, "-") and the --files-from list
 * of "c".  Prints diagnostics, progress and summary on standard error.
 * Returns an exit status; after SIGINT, SIGTERM or SIGHUP it cleans up
 * and dies of that signal instead of returning.
 */
int	ap_batch_run(const struct ap_cli *c, char *const *inputs, size_t n);

/* Whether the regular file "path" holds a WARC file (gzip'd or not). */
bool	ap_batch_is_warc(const char *path);

/*
 * ap_batch_run() of standard input alone, already opened as "g" (and
 * looked at: a WARC stream, or --input warc).
 */
int	ap_batch_run_stdin(const struct ap_cli *c, struct ap_gz *g);

#endif /* AP_BATCH_H */
