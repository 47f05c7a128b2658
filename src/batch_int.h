/* SPDX-License-Identifier: ISC */
/*
 * What the files of a batch run share: the run, its slots and workers
 * (batch.c drives them, pool.c is the workers' side), the inputs walked
 * from operands, folders and lists (walk.c), and the messages and
 * progress line (progress.c).  Private to the command.
 */
#ifndef AP_BATCH_INT_H
#define AP_BATCH_INT_H

#include <sys/types.h>
#include <sys/stat.h>
#include <limits.h>
#include <poll.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "artparse.h"
#include "cli.h"
#include "sniff.h"
#include "warc.h"

/* Why a walk left a name out, for the summary. */
enum leftout {
	LEFT_HIDDEN = 0,	/* name starts with "." */
	LEFT_ASSETS,		/* NAME_files folder of a saved page */
	LEFT_NAME,		/* other extension, or no text in it */
	LEFT_LINK,		/* link to a folder, or out of the folder */
	LEFT_FS,		/* another file system (--one-file-system) */
	LEFT_SPECIAL,		/* not a regular file (FIFO, socket...) */
	LEFT__MAX
};

/* What a worker (or the parent, for skips) made of one input. */
enum res {
	RES_OK = 0,	/* converted */
	RES_FAIL,	/* input unreadable or no article: exit 1 */
	RES_MEM,	/* out of memory on this input: exit 3, go on */
	RES_OUT,	/* output cannot be written: exit 3, stop */
	RES_ENC,	/* unknown --encoding: exit 2, stop */
	RES_SKIP,	/* output up to date or not to be replaced */
	RES_NOTE	/* left out, with a message: not counted */
};

/* Sent by a worker before its message and output bytes. */
struct wire {
	int	 status;	/* enum res */
	size_t	 msglen;
	size_t	 outlen;
};

/*
 * A set of 128-bit keys, open addressing: the (device, inode) pairs of
 * the inputs, and two hashes of each output name given out.  Only keys
 * are kept, 16 bytes an input, so that a run over a whole archive stays
 * small; {0, 0} marks an empty cell.
 */
struct key {
	uint64_t	 a, b;
};

struct keyset {
	struct key	*k;
	size_t		 n, cap;
};

struct obuf {
	char	*p;
	size_t	 len;
	size_t	 cap;
};

enum sstate {
	SLOT_FREE = 0,
	SLOT_RUN,		/* a worker is on it */
	SLOT_DONE		/* result known, waiting for its turn */
};

struct slot;

/* A persistent worker process of the pool (-j of them at most). */
struct wk {
	pid_t		 pid;		/* 0: not running */
	int		 req;		/* write end: jobs */
	int		 res;		/* read end: results */
	struct slot	*s;		/* the job it is on; NULL: idle */
	/* Shared with its process: the page of a job (a WARC record, standard
	 * input) is copied here, not sent through the pipe.  NULL: no room
	 * could be mapped, and pages go through the pipe. */
	unsigned char	*shm;
	size_t		 shmcap;
};

/* One input, from submission until its result is taken in order. */
struct slot {
	enum sstate	 state;
	struct wk	*w;		/* its worker, while SLOT_RUN */
	pid_t		 pid;		/* that worker's process */
	int		 fd;		/* ... and the read end of its results */
	bool		 dropped;	/* result lost (memory): wait for EOF */
	bool		 timedout;	/* we killed it at the deadline */
	double		 deadline;	/* monotonic seconds; 0: none */
	char		*path;		/* the input as named */
	char		*out;		/* output path under -d, or NULL */
	struct obuf	 res;		/* struct wire, message, output */
	int		 status;	/* enum res, once SLOT_DONE */
	char		*msg;		/* the reason, when not RES_OK */
	char		*note;	/* said before the result: a renamed output */
	bool		 have_id;	/* "id" is the input the parent found */
	struct stat	 id;
	/* A page read by the parent (a WARC record, standard input): its
	 * bytes until the worker is forked, and where it came from. */
	unsigned char	*payload;
	size_t		 paylen;
	bool		 have_payload;
	bool		 payload_shared; /* in a worker: "payload" is its shm */
	char		*where;		/* "record at offset N", or NULL */
	char		*label;		/* "==> label <==" of a record */
	char		*url, *rec_id, *rec_date;
	char		 charset[64];	/* the HTTP charset, or "" */
	unsigned long long offset;
};

struct batch {
	const struct ap_cli	*c;
	struct ap_wopts		 wopts;
	const char		*ext;		/* output extension */
	struct slot		*ring;
	size_t			 nring;
	size_t			 seq;		/* inputs submitted */
	size_t			 retired;	/* results taken, in order */
	struct slot		**run;		/* slots with a live worker */
	unsigned		 nrun;
	struct wk		*pool;		/* c->jobs workers */
	struct pollfd		*pfd;
	struct slot		**pslot;
	unsigned long		 nconv, nfail, nskip, total;
	unsigned long		 nskipped[AP_SKIP__MAX]; /* WARC records */
	bool			 saw_warc;	/* total counts no records */
	unsigned long		 nleft[LEFT__MAX];
	const char		*exts;		/* --ext, or the default */
	dev_t			 rootdev;	/* of the folder walked */
	bool			 counting;	/* first pass: count only */
	bool			 total_known;
	bool			 tostdout;	/* no -d: results on stdout */
	bool			 ndjson; /* ... as one JSON object a line */
	bool			 corpus; /* ... as one TEI teiCorpus */
	bool			 wrote;		/* something went to stdout */
	bool			 progress;
	bool			 drawn;		/* a progress line is shown */
	bool			 tty;		/* standard error is a terminal */
	bool			 usage_err, sys_err;
	bool			 stop;		/* submit nothing more */
	bool			 have_outid;
	bool			 prepassed;	/* inputs known in advance */
	dev_t			 outdev; /* -d folder, skipped in walks */
	ino_t			 outino;
	struct keyset		 inputs;	/* (dev, ino) of the inputs */
	struct keyset		 names;		/* output names given out */
	struct keyset		 cleaned; /* output folders cleaned */
	int			 outfd;		/* the -d folder */
	bool			 hold;	/* read the whole list first */
	bool			 held;	/* ... and it is in "list" */
	int			 list_err; /* errno reading the list */
	struct obuf		 list;
	pid_t			 parent;
	double			 t0, tdraw;
	char			 path[PATH_MAX]; /* the walk's current path */
	char			 root[PATH_MAX]; /* realpath of the walked folder */
};

/* Seconds on the monotonic clock. */
double	ap_mono(void);

/*
 * Messages.  A progress line, when shown, is cleared before any other
 * line is printed and redrawn afterwards.
 */
void	ap_clear_progress(struct batch *b);
void	ap_say(struct batch *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* Redraw the progress line, at most ten times a second on a terminal,
 * once a second into a file, or now when "force". */
void	ap_draw_progress(struct batch *b, bool force);

/* The inputs (walk.c). */
extern struct ap_gz *ap_stdin_gz;
/* Submit every input of the run: the operands, then the list. */
void	ap_produce(struct batch *b, char *const *inputs, size_t n);
/* Whether a folder walk takes "name" by its extension. */
bool	ap_known_ext(const struct batch *b, const char *name);
/* What the start of the file "path" holds. */
enum ap_sniffed ap_sniff_file(const char *path);

/* The driver (batch.c), for walk.c. */
/* Append "n" bytes to "b"; 0, or -1 with errno set. */
int	ap_obuf_add(struct obuf *b, const void *p, size_t n);
/* A listed path mirrored under -d, as tar(1) does; NULL when ".."
 * remains inside it. */
const char *ap_mirror_rel(const char *p);
/* One input, to convert: see batch.c. */
void	ap_submit(struct batch *b, const char *path, const char *rel,
	    const struct stat *st, unsigned char *payload, size_t paylen,
	    const struct ap_warc_rec *r);
/* A result found while listing inputs: a problem (RES_FAIL) or a file
 * left out (RES_NOTE). */
void	ap_submit_result(struct batch *b, const char *path, int status,
	    const char *why);
void	ap_submit_error(struct batch *b, const char *path, const char *why);
/* Submit nothing more, and end the workers still running. */
void	ap_stop(struct batch *b);

/* The pipe that wakes the parent's poll() for a signal. */
extern int ap_sigpipe[2];
/* Free what slot "s" holds. */
void	ap_free_slot(struct slot *s);
/* The output of "s" relative to the -d folder. */
const char *ap_out_rel(const struct batch *b, const struct slot *s);
/* Wait for results, the time bounds and signals; take what is done. */
void	ap_pump(struct batch *b);

/* The workers (pool.c): fork worker "w"; give it the job of "s". */
int	ap_spawn(struct batch *b, struct wk *w);
int	ap_hand_over(struct wk *w, const struct slot *s);
void	ap_unmap_worker(struct wk *w);

#endif /* AP_BATCH_INT_H */
