/* SPDX-License-Identifier: ISC */
/*
 * Settings of one artparse command run, shared by main.c, which fills
 * them from the options, and batch.c, which converts many inputs with
 * them.  Also the exit statuses, which both files return.
 */
#ifndef AP_CLI_H
#define AP_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "artparse.h"

enum ap_exit {
	AP_EXIT_OK = 0,		/* every input converted (or skipped) */
	AP_EXIT_FAIL = 1,	/* some input could not be read or parsed */
	AP_EXIT_USAGE = 2,	/* bad option or argument */
	AP_EXIT_SYS = 3		/* output error, out of memory, fork */
};

/* Whether to draw the progress line. */
enum ap_progress {
	AP_PROGRESS_AUTO = 0,	/* when standard error is a terminal */
	AP_PROGRESS_ON,
	AP_PROGRESS_OFF
};

struct ap_cli {
	const struct ap_writer	*writer;
	struct ap_opts		 opts;
	struct ap_wopts		 wopts;
	const char		*output;	/* -o FILE, or NULL */
	const char		*outdir;	/* -d DIR, or NULL */
	const char		*files_from;	/* --files-from, or NULL */
	size_t			 max_size;	/* --max-size, bytes */
	size_t			 max_memory; /* --max-memory, bytes; 0 none */
	double			 timeout; /* seconds per document; 0 none */
	unsigned		 jobs;		/* -j, at least 1 */
	enum ap_progress	 progress;
	bool			 quiet;		/* -q */
	bool			 null;		/* -0: list is NUL-separated */
	bool			 force;		/* replace existing outputs */
	bool			 update; /* only inputs newer than outputs */
	bool			 fail_fast;
	bool			 follow;	/* links out of walked folders */
	/* Write an article with no body paragraph (a cookie wall, a
	 * one-line file) instead of failing it as "no article found";
	 * --allow-empty, and always with the tree format. */
	bool			 allow_empty;
	const char		*exts;	/* --ext: comma-separated, or NULL */
	const char		*glob;		/* --glob PATTERN, or NULL */
	bool			 one_fs;	/* --one-file-system */
	bool			 warc;		/* --input warc */
};

/*
 * Print "artparse: MESSAGE" and a newline on standard error, with the
 * control characters of MESSAGE (file names) shown as \n, \t or \ooo
 * so that it stays one line and sends nothing to the terminal: C0, DEL,
 * C1 (U+0080-U+009F, or such a raw byte), bidirectional overrides
 * (U+202A-U+202E, U+2066-U+2069) and bytes that are not UTF-8.
 */
void	 ap_cli_error(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));
/* The same escaping of "s" into buf; returns the length written. */
size_t	 ap_cli_escape(const char *s, char *buf, size_t size);

#endif /* AP_CLI_H */
