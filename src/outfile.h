/* SPDX-License-Identifier: ISC */
/*
 * Output files of the command: written to a new temporary file beside
 * the target (O_EXCL, random name, locked while in use) and renamed
 * into place, folders opened one name at a time, the temporary files a
 * killed run left removed, and the temporary file being written removed
 * when a signal kills the process.
 */
#ifndef AP_OUTFILE_H
#define AP_OUTFILE_H

#include <stdbool.h>
#include <stddef.h>

#define AP_NAME_LEN	255		/* longest file name we create */

/* Write all "n" bytes to fd, again after EINTR; 0, or -1 with errno. */
int	ap_write_all(int fd, const void *v, size_t n);

/*
 * Open the folder that holds "rel" below the folder dfd, one component at
 * a time, never through a symbolic link; missing folders are created
 * when "create".  Returns a descriptor and sets *base to the last
 * component, or -1 with errno set (ELOOP: a link is in the way).
 */
int	ap_open_parent(int dfd, const char *rel, bool create,
	    const char **base);

/*
 * Write "len" bytes as "base" in folder dfd through a new temporary file
 * renamed over it ("sync": fsync before the rename).  0, or -1 with
 * errno set.
 */
int	ap_write_at(int dfd, const char *base, const char *p, size_t len,
	    bool sync);

/* Remove the temporary files in the folder of "rel" below dfd that no
 * live process holds. */
void	ap_clean_tmps(int dfd, const char *rel);

/* Create the folders leading to "path"; 0, or -1 with errno set. */
int	ap_mkdirs(const char *path);

/* Call "fn" on SIGINT, SIGTERM and SIGHUP, each blocking the others. */
void	ap_catch_signals(void (*fn)(int));

/*
 * Write "len" bytes to "path".  A regular file (or a new name) is written
 * to a new temporary file in the same folder (O_EXCL, random name) and
 * renamed into place, with the mode of the file it replaces, else 0666
 * less the umask; a device or FIFO is written in place.  Returns 0, or -1 with errno set (EISDIR
 * when "path" is a directory).
 */
int	ap_out_write(const char *path, const char *p, size_t len);

/*
 * For a signal handler of the single-input path, async-signal-safe:
 * remove the temporary file being written, if any.  Returns 1 when an
 * output has been renamed into place (it is whole), else 0.
 */
int	ap_out_abort(void);

/*
 * Remove the temporary file of a run interrupted with SIGINT, SIGTERM or
 * SIGHUP, then die of that signal.  For the single-input path and the
 * workers.
 */
void	ap_out_trap_signals(void);

#endif /* AP_OUTFILE_H */
