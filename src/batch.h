/* SPDX-License-Identifier: ISC */
/*
 * Converting many inputs in one run: walking folders, file lists and
 * WARC files, a pool of persistent workers with a time bound per
 * document, outputs mirrored under -d or streamed in input order,
 * progress and summary.  Also the file helpers that the
 * single-input path of main.c shares: reading an input within the size
 * limit and writing an output atomically.
 */
#ifndef AP_BATCH_H
#define AP_BATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"
#include "gz.h"

/*
 * Read all of "path" ("-": standard input) into a new malloc'd buffer that
 * the caller frees, refusing more than "max" bytes; a gzip file is
 * inflated (page.html.gz), and refused as soon as it passes "max".  Returns AP_EXIT_OK, or
 * AP_EXIT_FAIL / AP_EXIT_SYS with the reason written to "why".
 */
int	ap_batch_load(const char *path, size_t max, char **buf, size_t *len,
	    char *why, size_t whysz);

/* The same for the rest of "g" (inflated, when it is gzip). */
int	ap_batch_read(struct ap_gz *g, size_t max, char **buf, size_t *len,
	    char *why, size_t whysz);

/*
 * Write "len" bytes to "path".  A regular file (or a new name) is written
 * to a new temporary file in the same folder (O_EXCL, random name) and
 * renamed into place, with the mode of the file it replaces, else 0666
 * less the umask; a device or FIFO is written in place.  Returns 0, or -1 with errno set (EISDIR
 * when "path" is a directory).
 */
int	ap_batch_write(const char *path, const char *p, size_t len);

/*
 * Bound the memory this process may still take to "max" bytes more than
 * it has now (RLIMIT_AS); 0, or a build with AddressSanitizer, which
 * needs a vast address space, sets no bound.  An allocation past it
 * fails, and the library reports AP_ENOMEM.
 */
void	ap_batch_limit_memory(size_t max);

/*
 * For a signal handler of the single-input path, async-signal-safe:
 * remove the temporary file being written, if any.  Returns 1 when an
 * output has been renamed into place (it is whole), else 0.
 */
int	ap_batch_abort(void);

/*
 * Remove the temporary file of a run interrupted with SIGINT, SIGTERM or
 * SIGHUP, then die of that signal.  For the single-input path.
 */
void	ap_batch_trap_signals(void);

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
