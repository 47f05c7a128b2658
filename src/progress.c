/* SPDX-License-Identifier: ISC */
/*
 * The messages of a batch run and its progress line on standard error.
 */
#include <sys/ioctl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "batch_int.h"
#include "cli.h"

double
ap_mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Messages.  A progress line, when shown, is cleared before any other
 * line is printed and redrawn afterwards.
 */
void
ap_clear_progress(struct batch *b)
{
	if (b->drawn) {
		fputs("\r\033[K", stderr);
		b->drawn = false;
	}
}

/* Columns of the terminal on standard error, read at each redraw so that
 * a resized window is followed; 80 when unknown. */
static size_t
term_width(void)
{
	struct winsize ws;

	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

void
ap_say(struct batch *b, const char *fmt, ...)
{
	char msg[8192];
	va_list ap;

	ap_clear_progress(b);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ap_cli_error("%s", msg);
}

void
ap_draw_progress(struct batch *b, bool force)
{
	unsigned long done = b->nconv + b->nfail + b->nskip;
	double now = ap_mono(), el = now - b->t0, rate, eta;
	char etas[32] = "";

	char line[256];
	size_t w;
	int n;

	/* Not a terminal (--progress into a log): whole lines, one a
	 * second, and no escape sequences. */
	if (!b->progress || b->counting ||
	    (!force && now - b->tdraw < (b->tty ? 0.1 : 1.0)))
		return;
	b->tdraw = now;
	rate = el > 0 ? done / el : 0;
	ap_clear_progress(b);
	if (b->total_known && b->total > 0) {
		if (rate > 0 && done > 0 && done <= b->total) {
			eta = (b->total - done) / rate;
			if (eta >= 3600)
				snprintf(etas, sizeof(etas),
				    ", ETA %lu:%02lu:%02lu",
				    (unsigned long)eta / 3600,
				    (unsigned long)eta / 60 % 60,
				    (unsigned long)eta % 60);
			else
				snprintf(etas, sizeof(etas), ", ETA %lu:%02lu",
				    (unsigned long)eta / 60,
				    (unsigned long)eta % 60);
		}
		n = snprintf(line, sizeof(line), "artparse: %lu/%lu (%lu%%), "
		    "%.1f files/s%s, %lu failed", done, b->total,
		    done >= b->total ? 100 : done * 100 / b->total,
		    rate, etas, b->nfail);
	} else
		n = snprintf(line, sizeof(line), "artparse: %lu done, "
		    "%.1f files/s, %lu failed", done, rate, b->nfail);
	if (n < 0)
		return;
	if (!b->tty) {
		fprintf(stderr, "%s\n", line);
		return;
	}
	/* One column short of the width: no wrap, so \r\033[K clears
	 * all of it. */
	w = term_width();
	if ((size_t)n >= w)
		line[w > 1 ? w - 1 : 0] = '\0';
	fputs(line, stderr);
	b->drawn = true;
}
