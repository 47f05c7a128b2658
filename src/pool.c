/* SPDX-License-Identifier: ISC */
/*
 * The workers of a batch run: a job as the parent frames it, the loop of
 * a worker process (read a job, parse and render it, write the output
 * file or send the bytes back), and the fork of a worker and the hand
 * over of a job to it.  The parent's side of the pool, which takes the
 * results in input order, is batch.c's.
 */
/* MAP_ANONYMOUS and MAP_NORESERVE, which POSIX 2008 lacks. */
#define _DEFAULT_SOURCE
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <sys/wait.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "artparse.h"
#include "batch.h"
#include "batch_int.h"
#include "cli.h"
#include "load.h"
#include "outfile.h"
#include "writer.h"

#if !defined(MAP_ANONYMOUS) && defined(MAP_ANON)
#define MAP_ANONYMOUS	MAP_ANON
#endif
#ifndef MAP_NORESERVE
#define MAP_NORESERVE	0
#endif

/* An output sink that is the pipe to the parent: header, then the bytes. */
struct pipe_sink {
	int	 fd;
	bool	 sent;
};

static int
sink_pipe(void *arg, const char *p, size_t n)
{
	struct pipe_sink *ps = arg;
	struct wire w;

	memset(&w, 0, sizeof(w));	/* no uninitialised padding */
	w.status = RES_OK;
	w.outlen = n;
	if (ap_write_all(ps->fd, &w, sizeof(w)) != 0 ||
	    ap_write_all(ps->fd, p, n) != 0)
		_exit(1);		/* the parent is gone */
	ps->sent = true;
	return 0;
}

/* An output sink that is the file "rel" under the -d folder dfd. */
struct file_sink {
	int		 dfd;
	const char	*rel;
	int		 err;
};

static int
sink_file(void *arg, const char *p, size_t n)
{
	struct file_sink *fs = arg;
	const char *base;
	int fd;

	if ((fd = ap_open_parent(fs->dfd, fs->rel, true, &base)) < 0 ||
	    ap_write_at(fd, base, p, n, false) != 0) {
		fs->err = errno;
		if (fd >= 0)
			close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

/* A worker's result of one job; the parent gone, the worker goes too. */
static void
send_result(int fd, int status, const char *msg)
{
	struct wire w;

	memset(&w, 0, sizeof(w));
	w.status = status;
	w.msglen = msg != NULL ? strlen(msg) : 0;
	w.outlen = 0;
	if (ap_write_all(fd, &w, sizeof(w)) != 0 ||
	    ap_write_all(fd, msg, w.msglen) != 0)
		_exit(1);
}

/*
 * The output of this one input cannot be written.  A name too long, a
 * folder on its path that is a file, a folder where the file goes or a
 * symbolic link inside -d fail this input only; any other error (disk
 * full, read-only, I/O, permissions) is the output tree's and stops the
 * run.
 */
static void
out_failed(int fd, const char *out, int err)
{
	char why[PATH_MAX + 128];

	snprintf(why, sizeof(why), "cannot write '%s': %s", out,
	    err == ELOOP ? "a symbolic link is in the way" : strerror(err));
	switch (err) {
	case ENAMETOOLONG:
	case ENOTDIR:
	case EISDIR:
	case ELOOP:
	case EEXIST:
	case ENOTEMPTY:
	case EINVAL:
		send_result(fd, RES_FAIL, why);
		break;
	default:
		send_result(fd, RES_OUT, strerror(err));
		break;
	}
}

/* In a worker: convert the input of job "s" and send the result. */
static void
run_job(struct batch *b, struct slot *s, int fd)
{
	struct ap_opts opts = b->c->opts;
	struct ap_doc *doc = NULL;
	struct file_sink fs = { b->outfd, ap_out_rel(b, s), 0 };
	struct pipe_sink ps = { fd, false };
	struct ap_warc_source ws;
	struct ap_sink sink;
	char why[PATH_MAX + 128];
	char *buf = NULL;
	size_t len = 0;
	bool owned = !s->payload_shared;
	int rc;

	if (s->have_payload) {
		buf = (char *)s->payload;
		len = s->paylen;
		s->payload = NULL;
	} else if ((rc = ap_load_checked(s->path, s->have_id ? &s->id : NULL,
	    b->c->max_size, &buf, &len, why, sizeof(why))) != AP_EXIT_OK) {
		send_result(fd, rc == AP_EXIT_SYS ? RES_MEM : RES_FAIL, why);
		return;
	}
	opts.path = strcmp(s->path, "-") == 0 ? NULL : s->path;
	if (s->where != NULL) {
		ws.file = opts.path;
		ws.offset = s->offset;
		ws.record_id = s->rec_id;
		ws.date = s->rec_date;
		opts.warc = &ws;
		opts.url = s->url;
	}
	if (s->charset[0] != '\0')
		opts.charset_hint = s->charset;
	rc = ap_parse(buf, len, &opts, &doc);
	if (owned)
		free(buf);
	/* A cookie wall or /etc/passwd parses, but is no article. */
	if (rc == AP_OK && !b->c->allow_empty &&
	    ap_doc_article(doc)->nbody == 0) {
		ap_doc_free(doc);
		rc = AP_ENOARTICLE;
	}
	if (rc == AP_EENCODING && opts.encoding != NULL)
		send_result(fd, RES_ENC, NULL);
	else if (rc == AP_ENOMEM && b->c->max_memory > 0)
		send_result(fd, RES_MEM, "out of memory (see --max-memory)");
	else if (rc != AP_OK)
		send_result(fd, rc == AP_ENOMEM ? RES_MEM : RES_FAIL,
		    ap_strerror(rc));
	if (rc != AP_OK)
		return;
	if (s->out == NULL) {
		sink.write = sink_pipe;
		sink.arg = &ps;
	} else {
		sink.write = sink_file;
		sink.arg = &fs;
	}
	rc = ap_render(doc, b->c->writer, &b->wopts, &sink);
	ap_doc_free(doc);
	if (ps.sent)
		return;
	if (rc == AP_OK)
		send_result(fd, RES_OK, NULL);
	else if (fs.err != 0)
		out_failed(fd, s->out, fs.err);
	else
		send_result(fd, RES_MEM, ap_strerror(rc));
}

/*
 * A job as the parent sends it to a worker: this header, then the
 * strings it counts (path, output, where, URL, record id, date) and the
 * page's bytes.
 */
struct job {
	size_t			 len[6];
	size_t			 paylen;
	bool			 have_payload, in_shm, have_id;
	dev_t			 dev;
	ino_t			 ino;
	unsigned long long	 offset;
	char			 charset[64];
};

static int
read_exact(int fd, void *v, size_t n)
{
	char *p = v;
	ssize_t r;

	while (n > 0) {
		r = read(fd, p, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		p += r;
		n -= (size_t)r;
	}
	return 0;
}

/*
 * In a worker: the next job into "s", its page in "w"'s shared memory or
 * read from the pipe; -1 at the end (the parent closed).
 */
static int
read_job(int fd, const struct wk *w, struct slot *s)
{
	char **str[6] = { &s->path, &s->out, &s->where, &s->url, &s->rec_id,
	    &s->rec_date };
	struct job j;
	size_t i, all = 0;
	char *buf, *p;

	memset(s, 0, sizeof(*s));
	if (read_exact(fd, &j, sizeof(j)) != 0)
		return -1;
	/* Each string fits a record's header lines; no sum overflows. */
	for (i = 0; i < 6; i++) {
		if (j.len[i] > (size_t)1 << 26)
			_exit(1);
		all += j.len[i];
	}
	/* The strings in one read, then each its own allocation. */
	if ((buf = malloc(all + 1)) == NULL || read_exact(fd, buf, all) != 0)
		_exit(1);
	for (i = 0, p = buf; i < 6; p += j.len[i++]) {
		if (j.len[i] == 0)
			continue;
		if ((*str[i] = malloc(j.len[i])) == NULL)
			_exit(1);
		memcpy(*str[i], p, j.len[i]);
		(*str[i])[j.len[i] - 1] = '\0';
	}
	free(buf);
	if (j.in_shm && (w->shm == NULL || j.paylen > w->shmcap))
		_exit(1);
	if (j.in_shm) {
		s->payload = w->shm;
		s->payload_shared = true;
		s->paylen = j.paylen;
		s->have_payload = true;
	} else if (j.have_payload) {
		if ((s->payload = malloc(j.paylen + 1)) == NULL ||
		    read_exact(fd, s->payload, j.paylen) != 0)
			_exit(1);
		s->paylen = j.paylen;
		s->have_payload = true;
	}
	s->have_id = j.have_id;
	s->id.st_dev = j.dev;
	s->id.st_ino = j.ino;
	s->offset = j.offset;
	memcpy(s->charset, j.charset, sizeof(s->charset));
	s->charset[sizeof(s->charset) - 1] = '\0';
	return 0;
}

/* writev(2) all of iov[0..n), which it uses up; 0, or -1 (errno). */
static int
writev_all(int fd, struct iovec *iov, int n)
{
	ssize_t r;
	size_t k;

	while (n > 0) {
		r = writev(fd, iov, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0) {
			errno = EIO;
			return -1;
		}
		for (k = (size_t)r; n > 0 && k >= iov->iov_len; n--, iov++)
			k -= iov->iov_len;
		if (n > 0) {
			iov->iov_base = (char *)iov->iov_base + k;
			iov->iov_len -= k;
		}
	}
	return 0;
}

/*
 * The parent: send the job of "s" to the worker "w", which is idle, so
 * that its shared memory is free; -1 on EPIPE.
 */
static int
send_job(const struct wk *w, const struct slot *s)
{
	const char *str[6] = { s->path, s->out, s->where, s->url, s->rec_id,
	    s->rec_date };
	struct iovec iov[8];
	struct job j;
	size_t i;
	int n = 0;

	memset(&j, 0, sizeof(j));
	for (i = 0; i < 6; i++)
		j.len[i] = str[i] != NULL ? strlen(str[i]) + 1 : 0;
	j.have_payload = s->have_payload;
	j.paylen = s->payload != NULL ? s->paylen : 0;
	if (j.paylen > 0 && w->shm != NULL && j.paylen <= w->shmcap) {
		memcpy(w->shm, s->payload, j.paylen);
		j.in_shm = true;
	}
	j.have_id = s->have_id;
	j.dev = s->id.st_dev;
	j.ino = s->id.st_ino;
	j.offset = s->offset;
	snprintf(j.charset, sizeof(j.charset), "%s", s->charset);
	iov[n].iov_base = &j;
	iov[n++].iov_len = sizeof(j);
	for (i = 0; i < 6; i++)
		if (j.len[i] > 0) {
			iov[n].iov_base = (void *)(uintptr_t)str[i];
			iov[n++].iov_len = j.len[i];
		}
	if (j.paylen > 0 && !j.in_shm) {
		iov[n].iov_base = s->payload;
		iov[n++].iov_len = j.paylen;
	}
	return writev_all(w->req, iov, n);
}

/*
 * A worker of the pool: jobs in on "req", results out on "res", one at
 * a time, until the parent closes "req".  Never returns.
 */
static void
worker(struct batch *b, const struct wk *w, int req, int res,
    const sigset_t *mask)
{
	struct slot js;

	ap_out_trap_signals();
	signal(SIGPIPE, SIG_DFL);
	signal(SIGCONT, SIG_DFL);
	sigprocmask(SIG_SETMASK, mask, NULL);
#ifdef __linux__
	/* A parent killed with SIGKILL takes its workers along. */
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	if (getppid() != b->parent)
		raise(SIGTERM);
#endif
	ap_batch_limit_memory(b->c->max_memory);
	while (read_job(req, w, &js) == 0) {
		run_job(b, &js, res);
		ap_free_slot(&js);
	}
	_exit(0);
}

/*
 * Map the memory "w" shares with its processes, the size of the largest
 * page (--max-size).  Pages are touched only as far as the pages copied
 * there reach, and stay mapped for the next job and the next process of
 * "w": sending a page costs one memcpy() instead of a pipe's copies and
 * the wake-ups of a 64 KiB pipe buffer.  No room is no error: pages
 * then go through the pipe.
 */
static void
map_worker(const struct batch *b, struct wk *w)
{
	size_t cap = b->c->max_size;
	void *p;

	if (cap == 0 || cap > SIZE_MAX / 2)
		return;
	p = mmap(NULL, cap, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED)
		return;
	w->shm = p;
	w->shmcap = cap;
}

void
ap_unmap_worker(struct wk *w)
{
	if (w->shm != NULL)
		munmap(w->shm, w->shmcap);
	w->shm = NULL;
	w->shmcap = 0;
}

static void
close_pair(int p[2])
{
	close(p[0]);
	close(p[1]);
}

/*
 * Fork the worker "w" of the pool.  Stop signals are blocked across
 * fork() so that the child has its own handlers before it can receive
 * one.  0; -1 with errno; -2 when the run stopped meanwhile; -3 when
 * out of descriptors with a worker idle, which can take the job.
 */
int
ap_spawn(struct batch *b, struct wk *w)
{
	sigset_t set, old;
	unsigned i;
	pid_t pid;
	int req[2], res[2], e;

	/* Out of descriptors, like fork()'s EAGAIN below: wait for a
	 * worker to be free, and let it take the job. */
	for (;;) {
		if (pipe(req) == 0) {
			if (pipe(res) == 0)
				break;
			e = errno;
			close_pair(req);
			errno = e;
		}
		if (errno != EMFILE && errno != ENFILE)
			return -1;
		for (i = 0; i < b->c->jobs; i++)
			if (b->pool[i].pid > 0 && b->pool[i].s == NULL)
				return -3;
		if (b->nrun == 0)
			return -1;
		ap_pump(b);
		if (b->stop)
			return -2;
	}
	if (w->shm == NULL)
		map_worker(b, w);
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	for (;;) {
		sigprocmask(SIG_BLOCK, &set, &old);
		if ((pid = fork()) == 0) {
			close(req[1]);
			close(res[0]);
			close(ap_sigpipe[0]);
			close(ap_sigpipe[1]);
			for (i = 0; i < b->c->jobs; i++)
				if (&b->pool[i] != w) {
					if (b->pool[i].req >= 0)
						close(b->pool[i].req);
					if (b->pool[i].res >= 0)
						close(b->pool[i].res);
					ap_unmap_worker(&b->pool[i]);
				}
			worker(b, w, req[0], res[1], &old);
		}
		sigprocmask(SIG_SETMASK, &old, NULL);
		if (pid > 0 || errno != EAGAIN || b->nrun == 0)
			break;
		ap_pump(b);	/* wait for a worker to end, then retry */
	}
	if (pid < 0) {
		e = errno;
		close_pair(req);
		close_pair(res);
		errno = e;
		return -1;
	}
	close(req[0]);
	close(res[1]);
	fcntl(res[0], F_SETFL, fcntl(res[0], F_GETFL) | O_NONBLOCK);
	fcntl(res[0], F_SETFD, FD_CLOEXEC);
	fcntl(req[1], F_SETFD, FD_CLOEXEC);
	w->pid = pid;
	w->req = req[1];
	w->res = res[0];
	w->s = NULL;
	return 0;
}

/*
 * Send the job of "s" to "w", with SIGPIPE held: a worker that died
 * while idle is no reason for the run to die.  0, or -1.
 */
int
ap_hand_over(struct wk *w, const struct slot *s)
{
	struct timespec zero = { 0, 0 };
	sigset_t pipeset, old, pending;
	bool was_pending;
	int rc;

	sigemptyset(&pipeset);
	sigaddset(&pipeset, SIGPIPE);
	sigprocmask(SIG_BLOCK, &pipeset, &old);
	sigpending(&pending);
	was_pending = sigismember(&pending, SIGPIPE);
	rc = send_job(w, s);
	if (rc != 0 && !was_pending)
		while (sigtimedwait(&pipeset, NULL, &zero) == SIGPIPE)
			continue;
	sigprocmask(SIG_SETMASK, &old, NULL);
	return rc;
}
