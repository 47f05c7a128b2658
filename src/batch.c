/* SPDX-License-Identifier: ISC */
/*
 * Batch conversion.  The parent walks the inputs (folders in sorted order,
 * file lists as a stream, the records of WARC files) and hands each
 * document to a pool of at most -j persistent workers, one job at a time
 * through a pipe; the worker reads, parses and renders it, then writes
 * the output file itself (-d) or sends the bytes back through a second
 * pipe (standard output), and waits for the next job.  The library thus
 * stays single-threaded, a crash or a hang costs one document (the
 * worker is killed and another forked for the next), and the time bound
 * is a SIGKILL.  Results are taken in input
 * order from a ring of at most a few slots per job, so the output is the
 * same whatever -j, and memory does not grow with the number of files.
 *
 * Under -d, folders are opened relative to the -d folder one name at a
 * time, never through a symbolic link.  Output files are written to a new
 * temporary ".NAME.RANDOM.artparse-tmp" beside the target (O_EXCL, locked
 * while in use) and renamed into place; a run removes the unlocked ones
 * that a killed run left in the folders it writes to.
 *
 * This file is the driver: the slots, the parent's side of the pool and
 * the summary.  walk.c lists the inputs, pool.c is the workers' side,
 * load.c and outfile.c read inputs and write outputs, progress.c draws
 * the messages and the progress line.
 */
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "artparse.h"
#include "batch.h"
#include "batch_int.h"
#include "cli.h"
#include "writer.h"
#include "gz.h"
#include "load.h"
#include "outfile.h"
#include "sniff.h"
#include "warc.h"


/* Input extensions taken from folders (unless --ext); others are left
 * alone. */
static const char default_exts[] = "html,htm,xhtml,shtml,txt";

static const char *const leftout_names[LEFT__MAX] = {
	"hidden", "browser asset folders", "other names",
	"symbolic links", "on other file systems", "special files"
};

/* Signal that stops a batch, SIGCONT after a stop, and the pipe that
 * wakes poll() for them. */
static volatile sig_atomic_t	got_signal, got_cont;
int				ap_sigpipe[2] = { -1, -1 };

int
ap_obuf_add(struct obuf *b, const void *p, size_t n)
{
	size_t cap;
	char *np;

	if (n > SIZE_MAX - b->len) {
		errno = ENOMEM;
		return -1;
	}
	if (b->len + n > b->cap) {
		cap = b->cap ? b->cap : 4096;
		while (cap < b->len + n)
			cap = cap > SIZE_MAX / 2 ? b->len + n : cap * 2;
		if ((np = realloc(b->p, cap)) == NULL)
			return -1;
		b->p = np;
		b->cap = cap;
	}
	memcpy(b->p + b->len, p, n);
	b->len += n;
	return 0;
}

static size_t
key_slot(const struct keyset *ks, struct key k)
{
	size_t i = (size_t)(k.a ^ (k.b * 0x9e3779b97f4a7c15ULL)) &
	    (ks->cap - 1);

	while ((ks->k[i].a != 0 || ks->k[i].b != 0) &&
	    (ks->k[i].a != k.a || ks->k[i].b != k.b))
		i = (i + 1) & (ks->cap - 1);
	return i;
}

static bool
key_has(const struct keyset *ks, struct key k)
{
	size_t i;

	if (ks->cap == 0)
		return false;
	i = key_slot(ks, k);
	return ks->k[i].a != 0 || ks->k[i].b != 0;
}

/* Add "k" (not {0, 0}); 0, or -1 when memory runs out. */
static int
key_add(struct keyset *ks, struct key k)
{
	struct keyset nk;
	size_t i;

	if (ks->cap == 0 || 2 * (ks->n + 1) > ks->cap) {
		nk.cap = ks->cap ? 2 * ks->cap : 1024;
		nk.n = 0;
		if ((nk.k = calloc(nk.cap, sizeof(*nk.k))) == NULL)
			return -1;
		for (i = 0; i < ks->cap; i++)
			if (ks->k[i].a != 0 || ks->k[i].b != 0)
				nk.k[key_slot(&nk, ks->k[i])] = ks->k[i];
		nk.n = ks->n;
		free(ks->k);
		*ks = nk;
	}
	i = key_slot(ks, k);
	if (ks->k[i].a == 0 && ks->k[i].b == 0) {
		ks->k[i] = k;
		ks->n++;
	}
	return 0;
}

/* An input's identity; ino 0 is never a file's, so never {0, 0}. */
static struct key
file_key(const struct stat *st)
{
	struct key k;

	k.a = (uint64_t)st->st_dev;
	k.b = (uint64_t)st->st_ino;
	if (k.a == 0 && k.b == 0)
		k.b = 1;
	return k;
}

/* Two independent 64-bit FNV-1a hashes of a name: 128 bits in all. */
static struct key
name_key(const char *s)
{
	struct key k = { 14695981039346656037ULL, 0x6c62272e07bb0142ULL };

	for (; *s != '\0'; s++) {
		k.a = (k.a ^ (unsigned char)*s) * 1099511628211ULL;
		k.b = (k.b ^ (unsigned char)*s) * 0x100000001b3ULL;
		k.b ^= k.b >> 29;
	}
	if (k.a == 0 && k.b == 0)
		k.b = 1;
	return k;
}

#if defined(__SANITIZE_ADDRESS__)
#define AP_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AP_ASAN 1
#endif
#endif

void
ap_batch_limit_memory(size_t max)
{
#ifndef AP_ASAN
	struct rlimit rl;
	unsigned long long now = 0, lim;
	FILE *fp;

	if (max == 0 || getrlimit(RLIMIT_AS, &rl) != 0)
		return;
	/* The address space already mapped (program, libraries) does not
	 * count against the document's share. */
	if ((fp = fopen("/proc/self/statm", "r")) != NULL) {
		if (fscanf(fp, "%llu", &now) != 1)
			now = 0;
		now *= (unsigned long long)sysconf(_SC_PAGESIZE);
		fclose(fp);
	}
	lim = now + max < now ? RLIM_INFINITY : now + max;
	if (rl.rlim_max != RLIM_INFINITY && lim > rl.rlim_max)
		lim = rl.rlim_max;
	if (rl.rlim_cur != RLIM_INFINITY && lim > rl.rlim_cur)
		return;		/* already tighter */
	rl.rlim_cur = (rlim_t)lim;
	setrlimit(RLIMIT_AS, &rl);
#else
	(void)max;
#endif
}
/* The batch parent: note the signal and wake poll(). */
static void
on_stop_signal(int sig)
{
	int e = errno;

	got_signal = sig;
	if (write(ap_sigpipe[1], "", 1) < 0)
		(void)0;	/* full: a wake-up is already pending */
	errno = e;
}

/* The batch parent: continued after a stop (Ctrl-Z, fg). */
static void
on_cont_signal(int sig)
{
	int e = errno;

	(void)sig;
	got_cont = 1;
	if (write(ap_sigpipe[1], "", 1) < 0)
		(void)0;
	errno = e;
}

/*
 * Output path under -d for the input whose path relative to what was
 * named is "rel" (empty and "." components dropped).  A known input
 * extension is replaced by the writer's, any other name gets it appended:
 * in/a.html -> DIR/a.json.  A name already given to an earlier input of
 * the run is never given again: the later input keeps its extension
 * (a.txt -> a.txt.json) and, when that is taken too, gets a number
 * (a.txt.2.json, a.txt.3.json...).  Inputs come in a fixed order, so the
 * names are the same at every run and whatever -j.  Returns a malloc'd
 * path, with the first choice in "first" (relative to DIR) and *renamed
 * set when it was taken; NULL with errno set.
 */
static char *
map_out(struct batch *b, const char *rel, char *first, size_t firstsz,
    bool *renamed)
{
	char norm[PATH_MAX], cand[PATH_MAX + 32];
	const char *base, *p, *q;
	size_t o = 0, len, stem, dirlen;
	unsigned long n;
	struct key k;
	char *out;
	int w;

	for (p = rel; *p != '\0'; p = *q == '/' ? q + 1 : q) {
		if ((q = strchr(p, '/')) == NULL)
			q = p + strlen(p);
		len = (size_t)(q - p);
		if (len == 0 || (len == 1 && *p == '.'))
			continue;
		if (o + len + 2 > sizeof(norm)) {
			errno = ENAMETOOLONG;
			return NULL;
		}
		if (o > 0)
			norm[o++] = '/';
		memcpy(norm + o, p, len);
		o += len;
	}
	norm[o] = '\0';
	if (o == 0) {
		errno = ENOENT;
		return NULL;
	}
	base = strrchr(norm, '/') != NULL ? strrchr(norm, '/') + 1 : norm;
	stem = ap_known_ext(b, base) ? (size_t)(strrchr(base, '.') - norm) : o;
	for (n = 0;; n++) {
		if (n == 0)
			w = snprintf(cand, sizeof(cand), "%.*s.%s", (int)stem,
			    norm, b->ext);
		else if (n == 1 && stem == o)
			continue;	/* no extension to keep */
		else if (n == 1)
			w = snprintf(cand, sizeof(cand), "%s.%s", norm,
			    b->ext);
		else
			w = snprintf(cand, sizeof(cand), "%s.%lu.%s", norm, n,
			    b->ext);
		if (w < 0 || (size_t)w >= sizeof(cand)) {
			errno = ENAMETOOLONG;
			return NULL;
		}
		if (n == 0)
			snprintf(first, firstsz, "%s", cand);
		k = name_key(cand);
		if (!key_has(&b->names, k))
			break;
	}
	if (key_add(&b->names, k) != 0)
		return NULL;
	*renamed = n > 0;
	dirlen = strlen(b->c->outdir);
	len = strlen(cand);
	if (dirlen + 1 + len + 1 > PATH_MAX) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	if ((out = malloc(dirlen + 1 + len + 1)) == NULL)
		return NULL;
	memcpy(out, b->c->outdir, dirlen);
	out[dirlen] = '/';
	memcpy(out + dirlen + 1, cand, len + 1);
	return out;
}

/*
 * A listed path mirrored under -d: leading "/", "./" and "../" dropped,
 * as tar(1) does.  NULL when ".." remains inside it.
 */
const char *
ap_mirror_rel(const char *p)
{
	const char *q;

	for (;;) {
		if (*p == '/')
			p++;
		else if (p[0] == '.' && p[1] == '/')
			p += 2;
		else if (p[0] == '.' && p[1] == '.' && p[2] == '/')
			p += 3;
		else
			break;
	}
	for (q = p; (q = strstr(q, "..")) != NULL; q += 2)
		if ((q == p || q[-1] == '/') && (q[2] == '/' || q[2] == '\0'))
			return NULL;
	if (*p == '\0' || strcmp(p, ".") == 0 || strcmp(p, "..") == 0)
		return NULL;
	return p;
}

void
ap_free_slot(struct slot *s)
{
	free(s->path);
	free(s->out);
	free(s->res.p);
	free(s->msg);
	free(s->note);
	if (!s->payload_shared)
		free(s->payload);
	free(s->where);
	free(s->label);
	free(s->url);
	free(s->rec_id);
	free(s->rec_date);
	memset(s, 0, sizeof(*s));
	s->fd = -1;
}

/* The output of "s" relative to the -d folder, or NULL. */
const char *
ap_out_rel(const struct batch *b, const struct slot *s)
{
	return s->out != NULL ? s->out + strlen(b->c->outdir) + 1 : NULL;
}

/*
 * Clear what a killed run left in the output folder of "s" (see
 * ap_clean_tmps()), once per folder and run.
 */
static void
clean_once(struct batch *b, const struct slot *s)
{
	const char *rel = ap_out_rel(b, s), *slash = strrchr(rel, '/');
	char dir[PATH_MAX];
	struct key k;

	snprintf(dir, sizeof(dir), "%.*s", slash != NULL ?
	    (int)(slash - rel) : 0, rel);
	k = name_key(dir);
	if (key_has(&b->cleaned, k) || key_add(&b->cleaned, k) != 0)
		return;
	ap_clean_tmps(b->outfd, rel);
}

/* Record a result known without a worker. */
static void
set_done(struct slot *s, int status, const char *msg)
{
	s->state = SLOT_DONE;
	s->status = status;
	if (msg != NULL && (s->msg = strdup(msg)) == NULL)
		s->status = RES_MEM;
}

static void
kill_all(struct batch *b, int sig)
{
	unsigned i;

	for (i = 0; i < b->nrun; i++)
		kill(b->run[i]->pid, sig);
}

/* Submit nothing more, and end the workers still running. */
void
ap_stop(struct batch *b)
{
	if (!b->stop) {
		b->stop = true;
		kill_all(b, SIGTERM);
	}
}

static int
put_stdout(struct batch *b, const char *p, size_t n)
{
	if (b->stop)
		return -1;
	if (n > 0 && ap_write_all(STDOUT_FILENO, p, n) != 0) {
		ap_say(b, "<stdout>: %s", strerror(errno));
		b->sys_err = true;
		ap_stop(b);
		return -1;
	}
	return 0;
}

/*
 * One TEI document of a teiCorpus on stdout: the corpus header comes
 * before the first, and each loses its XML declaration.
 */
static int
put_member(struct batch *b, const char *p, size_t len)
{
	size_t decl = strlen(AP_TEI_XMLDECL);

	if (!b->wrote && put_stdout(b, ap_tei_corpus_head,
	    strlen(ap_tei_corpus_head)) != 0)
		return -1;
	b->wrote = true;
	if (len >= decl && memcmp(p, AP_TEI_XMLDECL, decl) == 0) {
		p += decl;
		len -= decl;
	}
	return put_stdout(b, p, len);
}

/* Take one result, in input order: messages, output, counts. */
static void
account(struct batch *b, struct slot *s)
{
	struct wire w;
	const char *shown = strcmp(s->path, "-") == 0 ? "<stdin>" : s->path;
	char *hdr;
	int n, rc;

	if (s->note != NULL && !b->c->quiet)
		ap_say(b, "%s", s->note);
	switch (s->status) {
	case RES_OK:
		if (!b->tostdout) {
			b->nconv++;
			break;
		}
		memcpy(&w, s->res.p, sizeof(w));
		if (b->corpus && put_member(b, s->res.p + sizeof(w) +
		    w.msglen, w.outlen) == 0)
			b->nconv++;
		if (b->corpus)
			break;
		if (!b->ndjson) {
			/* Like head(1): "==> NAME <==" before each. */
			if ((hdr = malloc(strlen(s->label != NULL ? s->label :
			    shown) + 16)) == NULL) {
				ap_say(b, "%s: %s", shown, strerror(errno));
				b->sys_err = true;
				break;
			}
			n = sprintf(hdr, "%s==> %s <==\n", b->wrote ? "\n" : "",
			    s->label != NULL ? s->label : shown);
			rc = put_stdout(b, hdr, (size_t)n);
			free(hdr);
			if (rc != 0)
				break;
		}
		if (put_stdout(b, s->res.p + sizeof(w) + w.msglen,
		    w.outlen) == 0)
			b->nconv++;
		b->wrote = true;
		break;
	case RES_SKIP:
		b->nskip++;
		break;
	case RES_NOTE:
		if (!b->c->quiet)
			ap_say(b, "%s: %s", shown, s->msg);
		break;
	case RES_FAIL:
		b->nfail++;
		if (s->where != NULL)
			ap_say(b, "%s: %s: %s", shown, s->where, s->msg);
		else
			ap_say(b, "%s: %s", shown, s->msg);
		if (b->c->fail_fast)
			ap_stop(b);
		break;
	case RES_MEM:
		b->nfail++;
		b->sys_err = true;
		ap_say(b, "%s: %s%s%s", shown, s->where ? s->where : "",
		    s->where ? ": " : "", s->msg ? s->msg : "out of memory");
		if (b->c->fail_fast)
			ap_stop(b);
		break;
	case RES_OUT:
		b->nfail++;
		b->sys_err = true;
		ap_say(b, "%s: %s", s->out, s->msg);
		ap_stop(b);
		break;
	case RES_ENC:
		ap_say(b, "unknown encoding '%s'", b->c->opts.encoding);
		fputs("Try 'artparse --help' for more information.\n", stderr);
		b->usage_err = true;
		ap_stop(b);
		break;
	default:
		break;
	}
}

/* Take the results that are next in input order. */
static void
retire(struct batch *b)
{
	struct slot *s;
	bool any = false;

	while (b->retired < b->seq) {
		s = &b->ring[b->retired % b->nring];
		if (s->state != SLOT_DONE)
			break;
		if (!b->stop)
			account(b, s);
		ap_free_slot(s);
		b->retired++;
		any = true;
	}
	if (any)
		ap_draw_progress(b, false);
}

/*
 * The worker of "s" has closed its pipe (it died, or was killed): reap
 * it and decode what it sent.
 */
static void
finish(struct batch *b, struct slot *s)
{
	struct wire w;
	char why[128];
	unsigned i;
	int st;

	close(s->fd);
	s->fd = -1;
	s->w->res = -1;
	close(s->w->req);
	s->w->req = -1;
	while (waitpid(s->pid, &st, 0) < 0 && errno == EINTR)
		continue;
	s->w->pid = 0;
	s->w->s = NULL;
	s->w = NULL;
	for (i = 0; i < b->nrun; i++)
		if (b->run[i] == s) {
			b->run[i] = b->run[--b->nrun];
			break;
		}
	s->state = SLOT_DONE;
	s->status = RES_FAIL;
	/* A worker killed at the deadline after it sent its whole result
	 * (its output written) did the work: it is not reported failed. */
	if (s->timedout && s->res.len >= sizeof(w)) {
		memcpy(&w, s->res.p, sizeof(w));
		if (w.msglen <= s->res.len - sizeof(w) &&
		    w.outlen == s->res.len - sizeof(w) - w.msglen &&
		    w.status == RES_OK && w.msglen == 0) {
			s->status = RES_OK;
			return;
		}
	}
	if (s->timedout)
		snprintf(why, sizeof(why), "timed out after %g s",
		    b->c->timeout);
	else if (WIFSIGNALED(st))
		snprintf(why, sizeof(why), "worker killed by signal %d (%s)",
		    WTERMSIG(st), strsignal(WTERMSIG(st)));
	else if (!WIFEXITED(st) || WEXITSTATUS(st) != 0 ||
	    s->res.len < sizeof(w))
		snprintf(why, sizeof(why), "worker failed");
	else {
		memcpy(&w, s->res.p, sizeof(w));
		if (w.msglen > s->res.len - sizeof(w) ||
		    w.outlen != s->res.len - sizeof(w) - w.msglen)
			snprintf(why, sizeof(why), "worker failed");
		else {
			s->status = w.status;
			if (w.msglen > 0 && (s->msg = strndup(s->res.p +
			    sizeof(w), w.msglen)) == NULL)
				s->status = RES_MEM;
			if (s->status != RES_OK) {
				free(s->res.p);
				s->res.p = NULL;
			}
			goto out;
		}
	}
	if ((s->msg = strdup(why)) == NULL)
		s->status = RES_MEM;
	free(s->res.p);
	s->res.p = NULL;
out:
	/* A worker killed in the middle of writing left its file. */
	if (s->out != NULL && (s->timedout || WIFSIGNALED(st)))
		ap_clean_tmps(b->outfd, ap_out_rel(b, s));
}

/* Close the pipes of the worker "w" and wait for its process. */
static void
reap(struct wk *w)
{
	int st;

	if (w->req >= 0)
		close(w->req);
	if (w->res >= 0)
		close(w->res);
	while (w->pid > 0 && waitpid(w->pid, &st, 0) < 0 && errno == EINTR)
		continue;
	w->req = w->res = -1;
	w->pid = 0;
	w->s = NULL;
}

/* Whether "r" holds one whole result; *over when more than that. */
static bool
whole(const struct obuf *r, bool *over)
{
	struct wire w;

	if (r->len < sizeof(w))
		return false;
	memcpy(&w, r->p, sizeof(w));
	if (w.msglen > SIZE_MAX / 4 || w.outlen > SIZE_MAX / 4 ||
	    r->len > sizeof(w) + w.msglen + w.outlen) {
		*over = true;
		return false;
	}
	return r->len == sizeof(w) + w.msglen + w.outlen;
}

/* The result of "s" is whole: take it; its worker takes the next job. */
static void
job_done(struct batch *b, struct slot *s)
{
	struct wire w;
	unsigned i;

	for (i = 0; i < b->nrun; i++)
		if (b->run[i] == s) {
			b->run[i] = b->run[--b->nrun];
			break;
		}
	/* Killed at the deadline after its whole result: it did the work,
	 * but it is gone. */
	if (s->timedout)
		reap(s->w);
	else
		s->w->s = NULL;
	s->w = NULL;
	s->fd = -1;
	s->state = SLOT_DONE;
	memcpy(&w, s->res.p, sizeof(w));
	s->status = w.status;
	if (w.msglen > 0 && (s->msg = strndup(s->res.p + sizeof(w),
	    w.msglen)) == NULL)
		s->status = RES_MEM;
	if (s->status != RES_OK) {
		free(s->res.p);
		s->res.p = NULL;
	}
}

/*
 * Read what the worker of "s" sent: its whole result makes it free;
 * end of file means it is gone.
 */
static void
drain(struct batch *b, struct slot *s)
{
	char buf[65536];
	ssize_t r;
	bool over = false;

	for (;;) {
		r = read(s->fd, buf, sizeof(buf));
		if (r > 0) {
			if (s->dropped)
				continue;
			if (ap_obuf_add(&s->res, buf, (size_t)r) != 0 ||
			    (!whole(&s->res, &over) && over)) {
				/* Out of memory, or more than one result:
				 * reported as failed. */
				kill(s->pid, SIGKILL);
				s->res.len = 0;
				s->dropped = true;
				continue;
			}
			if (whole(&s->res, &over)) {
				job_done(b, s);
				return;
			}
			continue;
		}
		if (r < 0 && errno == EINTR)
			continue;
		if (r == 0)
			finish(b, s);
		return;		/* EAGAIN: more later */
	}
}

/* Wait for one event: worker output or exit, deadline, signal, tick. */
void
ap_pump(struct batch *b)
{
	double now = ap_mono(), wait = -1, left;
	unsigned i, n = 0;
	char c;
	int r;

	b->pfd[n].fd = ap_sigpipe[0];
	b->pfd[n].events = POLLIN;
	b->pslot[n++] = NULL;
	for (i = 0; i < b->nrun; i++) {
		b->pfd[n].fd = b->run[i]->fd;
		b->pfd[n].events = POLLIN;
		b->pslot[n++] = b->run[i];
		if (b->run[i]->deadline > 0 && !b->run[i]->timedout) {
			left = b->run[i]->deadline - now;
			if (wait < 0 || left < wait)
				wait = left > 0 ? left : 0;
		}
	}
	/* Short waits while a deadline runs, so that a long one is a
	 * stop (Ctrl-Z) to leave out of the time bound. */
	if ((b->progress || wait >= 0) && (wait < 0 || wait > 0.25))
		wait = 0.25;
	r = poll(b->pfd, n, wait < 0 ? -1 : (int)(wait * 1000) + 1);
	left = ap_mono() - now;
	if (got_cont || (wait >= 0 && left > wait + 1.0)) {
		/* Stopped and continued: the workers did not run either,
		 * so their deadlines move by the time the wait took. */
		got_cont = 0;
		for (i = 0; i < b->nrun; i++)
			if (b->run[i]->deadline > 0)
				b->run[i]->deadline += left;
	}
	if (got_signal != 0 || r > 0)
		while (read(ap_sigpipe[0], &c, 1) == 1)
			continue;
	if (got_signal != 0)
		ap_stop(b);
	for (i = 1; r > 0 && i < n; i++)
		if (b->pfd[i].revents != 0)
			drain(b, b->pslot[i]);
	now = ap_mono();
	for (i = 0; i < b->nrun; i++)
		if (b->run[i]->deadline > 0 && !b->run[i]->timedout &&
		    b->run[i]->deadline <= now) {
			kill(b->run[i]->pid, SIGKILL);
			b->run[i]->timedout = true;
		}
	retire(b);
	ap_draw_progress(b, false);
}

/* Give the input of "s" to an idle worker of the pool, started if need be. */
static void
start(struct batch *b, struct slot *s)
{
	struct wk *w = NULL;
	unsigned i, tries;
	int rc = 0;

	for (i = 0; i < b->c->jobs && w == NULL; i++)
		if (b->pool[i].pid > 0 && b->pool[i].s == NULL)
			w = &b->pool[i];
	for (i = 0; i < b->c->jobs && w == NULL; i++)
		if (b->pool[i].pid == 0)
			w = &b->pool[i];
	if (w == NULL) {
		ap_say(b, "cannot start a worker: %s", "no free worker");
		goto fail;
	}
	for (tries = 0;; tries++) {
		if (w->pid == 0 && (rc = ap_spawn(b, w)) == -3) {
			for (i = 0; i < b->c->jobs; i++)
				if (b->pool[i].pid > 0 && b->pool[i].s == NULL)
					w = &b->pool[i];
			rc = 0;
		}
		if (w->pid == 0 && rc != 0) {
			if (rc == -2) {
				set_done(s, RES_SKIP, NULL);
				return;
			}
			ap_say(b, "cannot start a worker: %s", strerror(errno));
			goto fail;
		}
		if (ap_hand_over(w, s) == 0)
			break;
		reap(w);	/* it died while idle: a new one */
		if (tries > 0) {
			ap_say(b, "cannot start a worker: %s", "it dies at once");
			goto fail;
		}
	}
	w->s = s;
	s->w = w;
	s->pid = w->pid;
	s->fd = w->res;
	s->state = SLOT_RUN;
	s->deadline = b->c->timeout > 0 ? ap_mono() + b->c->timeout : 0;
	b->run[b->nrun++] = s;
	return;
fail:
	/* Not counted: ap_stop() drops every result from here on. */
	b->sys_err = true;
	set_done(s, RES_SKIP, NULL);
	ap_stop(b);
}

/* Whether the existing output "out" may be replaced: --force, --update. */
static bool
replaceable(const struct batch *b, const struct stat *in,
    const struct stat *out)
{
	return b->c->force || (b->c->update &&
	    (in->st_mtim.tv_sec > out->st_mtim.tv_sec ||
	    (in->st_mtim.tv_sec == out->st_mtim.tv_sec &&
	    in->st_mtim.tv_nsec > out->st_mtim.tv_nsec)));
}

/*
 * Decide the output of "s" under -d: its name (see map_out()), and
 * whether it is written, skipped or refused.  An output that is an input
 * of the run is never written: neither the input itself (same device and
 * inode) nor another (-f text -d IN IN would replace IN/a.txt with the
 * conversion of IN/a.html).  Returns false when "s" is done.
 */
static bool
plan_out(struct batch *b, struct slot *s, const char *rel,
    const struct stat *inst)
{
	char first[PATH_MAX + 32], note[2 * PATH_MAX + 128];
	struct stat in, out;
	bool renamed = false;

	if (rel == NULL) {
		set_done(s, RES_FAIL, "cannot mirror a path with '..' under "
		    "the output folder");
		return false;
	}
	if ((s->out = map_out(b, rel, first, sizeof(first), &renamed)) ==
	    NULL) {
		set_done(s, errno == ENOMEM ? RES_MEM : RES_FAIL,
		    strerror(errno));
		return false;
	}
	clean_once(b, s);
	if (inst == NULL) {
		if (stat(s->path, &in) != 0) {
			set_done(s, RES_FAIL, strerror(errno));
			return false;
		}
		inst = &in;
	}
	if (renamed) {
		/* -f text -d IN IN: IN/a.txt is taken by IN/a.html, but
		 * the true reason not to write it is that it is a.txt. */
		snprintf(note, sizeof(note), "%s/%s", b->c->outdir, first);
		if (stat(note, &out) == 0 && inst->st_dev == out.st_dev &&
		    inst->st_ino == out.st_ino) {
			set_done(s, RES_FAIL, "output would replace the input");
			return false;
		}
		snprintf(note, sizeof(note), "%s: output name '%s/%s' is taken "
		    "by an earlier input; writing '%s'", s->path,
		    b->c->outdir, first, s->out);
		s->note = strdup(note);
	}
	if (stat(s->out, &out) != 0)
		return true;
	if (inst->st_dev == out.st_dev && inst->st_ino == out.st_ino) {
		set_done(s, RES_FAIL, "output would replace the input");
		return false;
	}
	if (S_ISDIR(out.st_mode)) {
		snprintf(note, sizeof(note), "cannot write '%s': %s", s->out,
		    strerror(EISDIR));
		set_done(s, RES_FAIL, note);
		return false;
	}
	if (key_has(&b->inputs, file_key(&out))) {
		snprintf(note, sizeof(note), "output '%s' is an input of this "
		    "run; not replaced", s->out);
		set_done(s, RES_FAIL, note);
		return false;
	}
	if (!replaceable(b, inst, &out)) {
		set_done(s, RES_SKIP, NULL);
		return false;
	}
	return true;
}

/*
 * What the slot of a page read by the parent keeps: the bytes (taken
 * over) and, for a WARC record "r", where it came from.  -1 when memory
 * runs out.
 */
static int
hold_page(struct slot *s, unsigned char *payload, size_t len,
    const struct ap_warc_rec *r)
{
	const char *shown = strcmp(s->path, "-") == 0 ? "<stdin>" : s->path;
	size_t n;

	s->payload = payload;
	s->paylen = len;
	s->have_payload = true;
	if (r == NULL)
		return 0;
	s->offset = r->offset;
	memcpy(s->charset, r->charset, sizeof(s->charset));
	n = strlen(shown) + (r->uri != NULL ? strlen(r->uri) : 0) + 64;
	if ((s->where = malloc(32)) == NULL || (s->label = malloc(n)) == NULL ||
	    (r->uri != NULL && (s->url = strdup(r->uri)) == NULL) ||
	    (r->id != NULL && (s->rec_id = strdup(r->id)) == NULL) ||
	    (r->date != NULL && (s->rec_date = strdup(r->date)) == NULL))
		return -1;
	snprintf(s->where, 32, "record at offset %llu",
	    (unsigned long long)r->offset);
	if (r->uri != NULL)
		snprintf(s->label, n, "%s (%s, offset %llu)", r->uri, shown,
		    (unsigned long long)r->offset);
	else
		snprintf(s->label, n, "%s, offset %llu", shown,
		    (unsigned long long)r->offset);
	return 0;
}

/*
 * The output of a WARC record under -d, relative to it: a folder named
 * after the WARC file "rel" without ".gz" and ".warc", holding one file a
 * record, named by the record's offset, zero-padded so that the names
 * sort in record order (crawl.warc.gz -> crawl/000000001234.json).
 * Written to "out" (on the stack: a worker forked meanwhile must not
 * inherit a heap block it cannot free); NULL when it does not fit.
 */
static char *
record_rel(const char *rel, unsigned long long offset, char *out,
    size_t cap)
{
	size_t n = strlen(rel);
	int k;

	if (n > 3 && strcasecmp(rel + n - 3, ".gz") == 0)
		n -= 3;
	if (n > 5 && strncasecmp(rel + n - 5, ".warc", 5) == 0 &&
	    rel[n - 6] != '/')
		n -= 5;
	k = snprintf(out, cap, "%.*s/%012llu", (int)n, rel, offset);
	return k >= 0 && (size_t)k < cap ? out : NULL;
}

/*
 * One input: "path" as named, "rel" its path under -d (before the
 * extension is replaced), or NULL when it cannot be mirrored; "st" its
 * stat(2), or NULL when not known.  A page already read by the parent
 * comes as "payload" (taken over, freed here), and "r" says which record
 * of a WARC file it is.  Waits for a free job and ring slot first.
 */
void
ap_submit(struct batch *b, const char *path, const char *rel,
    const struct stat *st, unsigned char *payload, size_t paylen,
    const struct ap_warc_rec *r)
{
	struct stat in;
	struct slot *s;
	char orel[PATH_MAX + 32];

	/* Under -d, every input is known before an output is written when
	 * the inputs can be listed twice; a piped list is known as it
	 * comes. */
	if (b->c->outdir != NULL && (b->counting || !b->prepassed) &&
	    strcmp(path, "-") != 0) {
		if (st == NULL && stat(path, &in) == 0)
			st = &in;
		if (st != NULL && key_add(&b->inputs, file_key(st)) != 0) {
			ap_say(b, "%s: %s", path, strerror(errno));
			b->sys_err = true;
			ap_stop(b);
			return;
		}
	}
	if (b->counting) {
		b->total++;
		free(payload);
		return;
	}
	while (!b->stop && (b->seq - b->retired >= b->nring ||
	    b->nrun >= b->c->jobs))
		ap_pump(b);
	if (b->stop) {
		free(payload);
		return;
	}
	s = &b->ring[b->seq++ % b->nring];
	ap_free_slot(s);
	if ((s->path = strdup(path)) == NULL ||
	    (payload != NULL && hold_page(s, payload, paylen, r) != 0)) {
		if (s->payload == NULL)
			free(payload);
		ap_say(b, "%s: %s", path, strerror(ENOMEM));
		b->sys_err = true;
		ap_stop(b);
		return;
	}
	if (st != NULL && strcmp(path, "-") != 0) {
		s->have_id = true;
		s->id = *st;
	}
	if (r != NULL && rel != NULL)
		rel = record_rel(rel, r->offset, orel, sizeof(orel));
	if (b->c->outdir == NULL || plan_out(b, s, rel, st))
		start(b, s);
	/* The worker has its copy. */
	free(s->payload);
	s->payload = NULL;
	retire(b);
}

/*
 * A result found by the parent while listing inputs: a problem
 * (RES_FAIL) or a file left out (RES_NOTE).
 */
void
ap_submit_result(struct batch *b, const char *path, int status,
    const char *why)
{
	struct slot *s;

	if (b->counting) {
		if (status != RES_NOTE)
			b->total++;
		return;
	}
	while (!b->stop && b->seq - b->retired >= b->nring)
		ap_pump(b);
	if (b->stop)
		return;
	s = &b->ring[b->seq++ % b->nring];
	ap_free_slot(s);
	if ((s->path = strdup(path)) == NULL) {
		b->sys_err = true;
		ap_stop(b);
		return;
	}
	set_done(s, status, why);
	retire(b);
}

void
ap_submit_error(struct batch *b, const char *path, const char *why)
{
	ap_submit_result(b, path, RES_FAIL, why);
}

/* Whether the inputs can be counted before they are converted. */
static bool
countable(const struct ap_cli *c)
{
	struct stat st;

	if (c->files_from == NULL)
		return true;
	if (strcmp(c->files_from, "-") == 0)
		return fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode);
	return stat(c->files_from, &st) == 0 && S_ISREG(st.st_mode);
}

/*
 * glibc maps each allocation above 128 KiB (a page, its text, its
 * records) and unmaps it when freed, or gives the top of the heap back:
 * the next document then pays a page fault for every 4 KiB it writes.
 * A batch allocates and frees the same sizes again and again, in the
 * parent (WARC records) and in each worker: keep the memory.
 */
static void
keep_heap(void)
{
#ifdef __GLIBC__
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 128 << 20);
#endif
}

static int
setup(struct batch *b, const struct ap_cli *c)
{
	struct sigaction sa;
	struct stat st;
	size_t i;

	keep_heap();
	memset(b, 0, sizeof(*b));
	b->outfd = -1;
	b->c = c;
	b->wopts = c->wopts;
	b->ext = ap_writer_ext(c->writer);
	b->exts = c->exts != NULL ? c->exts : default_exts;
	b->tostdout = c->outdir == NULL;
	b->ndjson = b->tostdout && strcmp(b->ext, "json") == 0;
	b->corpus = b->tostdout && c->writer == &ap_w_tei;
	if (b->ndjson)
		b->wopts.pretty = false;	/* one object a line */
	b->parent = getpid();
	b->tty = isatty(STDERR_FILENO);
	b->progress = !c->quiet && (c->progress == AP_PROGRESS_ON ||
	    (c->progress == AP_PROGRESS_AUTO && b->tty));
	/* Outputs on stdout are held until their turn, so keep that
	 * window small; under -d a slot holds only a message. */
	b->nring = b->tostdout ? 2 * (size_t)c->jobs : 8 * (size_t)c->jobs;
	if (b->nring < 16)
		b->nring = 16;
	b->ring = calloc(b->nring, sizeof(*b->ring));
	b->run = calloc(c->jobs, sizeof(*b->run));
	b->pool = calloc(c->jobs, sizeof(*b->pool));
	b->pfd = calloc((size_t)c->jobs + 1, sizeof(*b->pfd));
	b->pslot = calloc((size_t)c->jobs + 1, sizeof(*b->pslot));
	if (b->ring == NULL || b->run == NULL || b->pfd == NULL ||
	    b->pslot == NULL || b->pool == NULL) {
		fprintf(stderr, "artparse: %s\n", strerror(errno));
		return -1;
	}
	for (i = 0; i < b->nring; i++)
		b->ring[i].fd = -1;
	for (i = 0; i < c->jobs; i++)
		b->pool[i].req = b->pool[i].res = -1;
	if (c->outdir != NULL) {
		if (strlen(c->outdir) + 3 > PATH_MAX) {
			errno = ENAMETOOLONG;
			goto outerr;
		}
		snprintf(b->path, sizeof(b->path), "%s/x", c->outdir);
		if (ap_mkdirs(b->path) != 0 || stat(c->outdir, &st) != 0)
			goto outerr;
		if (!S_ISDIR(st.st_mode)) {
			errno = ENOTDIR;
			goto outerr;
		}
		if ((b->outfd = open(c->outdir, O_RDONLY | O_DIRECTORY |
		    O_CLOEXEC)) < 0)
			goto outerr;
		b->have_outid = true;
		b->outdev = st.st_dev;
		b->outino = st.st_ino;
	}
	if (pipe(ap_sigpipe) != 0) {
		fprintf(stderr, "artparse: %s\n", strerror(errno));
		return -1;
	}
	fcntl(ap_sigpipe[0], F_SETFL, fcntl(ap_sigpipe[0], F_GETFL) | O_NONBLOCK);
	fcntl(ap_sigpipe[1], F_SETFL, fcntl(ap_sigpipe[1], F_GETFL) | O_NONBLOCK);
	ap_catch_signals(on_stop_signal);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_cont_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	sigaction(SIGCONT, &sa, NULL);
	return 0;
outerr:
	ap_cli_error("%s: %s", c->outdir, strerror(errno));
	return -1;
}

static void
teardown(struct batch *b)
{
	size_t i;

	/* Idle workers end when their job pipe closes. */
	for (i = 0; b->pool != NULL && i < b->c->jobs; i++) {
		reap(&b->pool[i]);
		ap_unmap_worker(&b->pool[i]);
	}
	free(b->pool);
	for (i = 0; b->ring != NULL && i < b->nring; i++)
		ap_free_slot(&b->ring[i]);
	free(b->ring);
	free(b->run);
	free(b->pfd);
	free(b->pslot);
	free(b->inputs.k);
	free(b->names.k);
	free(b->cleaned.k);
	if (b->outfd >= 0)
		close(b->outfd);
	free(b->list.p);
	if (ap_sigpipe[0] >= 0) {
		close(ap_sigpipe[0]);
		close(ap_sigpipe[1]);
		ap_sigpipe[0] = ap_sigpipe[1] = -1;
	}
}

int
ap_batch_run_stdin(const struct ap_cli *c, struct ap_gz *g)
{
	char dash[] = "-";
	char *inputs[] = { dash };

	ap_stdin_gz = g;
	return ap_batch_run(c, inputs, 1);
}

bool
ap_batch_is_warc(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    ap_sniff_file(path) == AP_SNIFF_WARC;
}

int
ap_batch_run(const struct ap_cli *c, char *const *inputs, size_t n)
{
	struct batch b;
	const char *sep;
	size_t i;
	int sig, rc;

	if (setup(&b, c) != 0) {
		teardown(&b);
		return AP_EXIT_SYS;
	}
	/* A first pass over the inputs counts them for the progress line
	 * and, under -d, learns them all, so that no output replaces an
	 * input that comes later. */
	/* A piped list is read whole first only when an existing output
	 * may be replaced: without --force or --update nothing can be lost
	 * by learning the inputs as they come. */
	b.hold = c->outdir != NULL && (c->force || c->update) &&
	    !countable(c);
	if ((b.progress || c->outdir != NULL) && (b.hold || countable(c))) {
		b.counting = true;
		ap_produce(&b, inputs, n);
		b.counting = false;
		b.total_known = !b.saw_warc;
		b.prepassed = true;
	}
	b.t0 = ap_mono();
	ap_draw_progress(&b, true);
	ap_produce(&b, inputs, n);
	for (;;) {
		retire(&b);
		if (b.nrun == 0)
			break;
		ap_pump(&b);
	}
	/* Even after a signal: every member written is whole. */
	if (b.corpus && b.wrote)
		put_stdout(&b, ap_tei_corpus_tail,
		    strlen(ap_tei_corpus_tail));
	ap_draw_progress(&b, true);
	ap_clear_progress(&b);
	sig = got_signal;
	if (!c->quiet) {
		fprintf(stderr, "artparse: %lu converted, %lu failed, "
		    "%lu skipped%s", b.nconv, b.nfail, b.nskip,
		    b.nskip > 0 && !c->update ? " (outputs exist; --force "
		    "replaces them, --update the outdated ones)" : "");
		/* The records of WARC files that are no page to convert. */
		for (i = 0, sep = "; records skipped: "; i < AP_SKIP__MAX; i++)
			if (b.nskipped[i] > 0) {
				fprintf(stderr, "%s%lu %s", sep, b.nskipped[i],
				    ap_warc_skip_name((enum ap_warc_skip)i));
				sep = ", ";
			}
		/* What the walks did not take, and why. */
		for (i = 0, sep = "; not taken: "; i < LEFT__MAX; i++)
			if (b.nleft[i] > 0) {
				fprintf(stderr, "%s%lu %s", sep, b.nleft[i],
				    leftout_names[i]);
				sep = ", ";
			}
		fputc('\n', stderr);
	}
	teardown(&b);
	if (sig != 0) {
		signal(sig, SIG_DFL);
		raise(sig);
	}
	rc = b.sys_err ? AP_EXIT_SYS : b.usage_err ? AP_EXIT_USAGE :
	    b.nfail > 0 ? AP_EXIT_FAIL : AP_EXIT_OK;
	return rc;
}
