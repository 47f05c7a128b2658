/* SPDX-License-Identifier: ISC */
/*
 * Output files: a temporary file beside the target, locked while in use
 * and renamed into place; folders opened without following links; what
 * a killed run left removed.  See outfile.h.
 */
#include <sys/stat.h>
#include <sys/types.h>
#ifdef __linux__
#include <sys/random.h>
#endif
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "outfile.h"

#define TMP_SUFFIX	".artparse-tmp"

/* Temporary file being written, removed if a signal kills us; and
 * whether an output was renamed into place. */
static char			tmp_active[AP_NAME_LEN + 1];
static int			tmp_dfd = -1;
static volatile sig_atomic_t	tmp_set, tmp_done;

int
ap_write_all(int fd, const void *v, size_t n)
{
	const char *p = v;
	ssize_t w;

	while (n > 0) {
		w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		if (w == 0) {
			errno = EIO;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}


/*
 * A fresh temporary name for the output "base":
 * ".BASE.XXXXXXXXXXXX.artparse-tmp", or ".XXXXXXXXXXXX.artparse-tmp" when
 * that would be too long, with 60 random bits, so that nobody can plant a
 * file or link there in advance (it is created O_EXCL anyway).
 */
static void
tmp_name(const char *base, char *tmp, size_t tmpsz)
{
	static const char digits[] = "0123456789abcdefghijklmnopqrstuv";
	static uint64_t seq;
	char rnd[13];
	uint64_t r = 0;
	struct timespec ts;
	size_t i;

#ifdef __linux__
	if (getrandom(&r, sizeof(r), GRND_NONBLOCK) != (ssize_t)sizeof(r))
		r = 0;
#endif
	clock_gettime(CLOCK_REALTIME, &ts);
	r ^= (uint64_t)ts.tv_nsec * 0x9e3779b97f4a7c15ULL ^
	    ((uint64_t)getpid() << 32) ^ (uint64_t)ts.tv_sec ^ ++seq * 7919;
	for (i = 0; i < 12; i++, r >>= 5)
		rnd[i] = digits[r & 31];
	rnd[12] = '\0';
	if (strlen(base) + 1 + 1 + 12 + sizeof(TMP_SUFFIX) - 1 <= AP_NAME_LEN)
		snprintf(tmp, tmpsz, ".%s.%s" TMP_SUFFIX, base, rnd);
	else
		snprintf(tmp, tmpsz, ".%s" TMP_SUFFIX, rnd);
}

/* Lock all of fd (F_WRLCK or F_RDLCK) without waiting. */
static int
lock_fd(int fd, short type)
{
	struct flock fl;
	int rc;

	memset(&fl, 0, sizeof(fl));
	fl.l_type = type;
	fl.l_whence = SEEK_SET;
	while ((rc = fcntl(fd, F_SETLK, &fl)) != 0 && errno == EINTR)
		continue;
	return rc;
}

/* Whether fd is still the entry "name" of folder dfd. */
static bool
same_entry(int fd, int dfd, const char *name)
{
	struct stat a, b;

	return fstat(fd, &a) == 0 &&
	    fstatat(dfd, name, &b, AT_SYMLINK_NOFOLLOW) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/*
 * Open the folder that holds "rel" below the folder dfd, one component at
 * a time with O_NOFOLLOW|O_DIRECTORY, so that a symbolic link planted
 * inside -d cannot send an output elsewhere; missing folders are created
 * when "create".  Returns a descriptor and sets *base to the last
 * component, or -1 with errno set (ELOOP: a link is in the way).
 */
int
ap_open_parent(int dfd, const char *rel, bool create, const char **base)
{
	char comp[AP_NAME_LEN + 1];
	const char *p = rel, *q;
	struct stat st;
	size_t len;
	int fd, nfd, e;

	if ((fd = openat(dfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return -1;
	for (; (q = strchr(p, '/')) != NULL; p = q + 1) {
		if ((len = (size_t)(q - p)) == 0)
			continue;
		if (len > AP_NAME_LEN) {
			errno = ENAMETOOLONG;
			goto fail;
		}
		memcpy(comp, p, len);
		comp[len] = '\0';
		if (strcmp(comp, ".") == 0 || strcmp(comp, "..") == 0) {
			errno = EINVAL;
			goto fail;
		}
		nfd = openat(fd, comp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		    O_CLOEXEC);
		if (nfd < 0 && errno == ENOENT && create &&
		    (mkdirat(fd, comp, 0777) == 0 || errno == EEXIST))
			nfd = openat(fd, comp, O_RDONLY | O_DIRECTORY |
			    O_NOFOLLOW | O_CLOEXEC);
		if (nfd < 0) {
			e = errno;
			if (fstatat(fd, comp, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
			    S_ISLNK(st.st_mode))
				e = ELOOP;
			errno = e;
			goto fail;
		}
		close(fd);
		fd = nfd;
	}
	*base = p;
	return fd;
fail:
	e = errno;
	close(fd);
	errno = e;
	return -1;
}

/*
 * Write "len" bytes as "base" in folder dfd: into a new temporary file
 * (O_CREAT|O_EXCL|O_NOFOLLOW, random name, write-locked so that another
 * run's ap_clean_tmps() leaves it alone), then renamed over "base", which
 * is replaced, never written into or followed.  A new file gets 0666 less
 * the umask, as ">" gives; a replaced file keeps its mode.
 */
int
ap_write_at(int dfd, const char *base, const char *p, size_t len, bool sync)
{
	char tmp[AP_NAME_LEN + 1];
	sigset_t set, old;
	struct stat st;
	int fd = -1, e, tries;

	if (strlen(base) > AP_NAME_LEN) {
		errno = ENAMETOOLONG;
		return -1;
	}
	for (tries = 0; tries < 100; tries++) {
		tmp_name(base, tmp, sizeof(tmp));
		fd = openat(dfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_NOCTTY | O_CLOEXEC, 0666);
		if (fd < 0 && errno == EEXIST)
			continue;
		if (fd < 0)
			return -1;
		/* Another run's ap_clean_tmps() may have opened it before we
		 * locked it: then it is gone or going, take a new name. */
		if (lock_fd(fd, F_WRLCK) == 0 && same_entry(fd, dfd, tmp))
			break;
		close(fd);
		fd = -1;
	}
	if (fd < 0) {
		errno = EEXIST;
		return -1;
	}
	memcpy(tmp_active, tmp, strlen(tmp) + 1);
	tmp_dfd = dfd;
	tmp_set = 1;
	if ((fstatat(dfd, base, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISREG(st.st_mode) && fchmod(fd, st.st_mode & 07777) != 0) ||
	    ap_write_all(fd, p, len) != 0 || (sync && fsync(fd) != 0))
		goto fail;
	/* The rename and the record of it are one step for the handlers
	 * of the time bound and of SIGINT: an output in place is never
	 * reported failed, nor its name unlinked. */
	sigemptyset(&set);
	sigaddset(&set, SIGALRM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, &old);
	if (renameat(dfd, tmp, dfd, base) != 0) {
		e = errno;
		sigprocmask(SIG_SETMASK, &old, NULL);
		errno = e;
		goto fail;
	}
	tmp_set = 0;
	tmp_done = 1;
	sigprocmask(SIG_SETMASK, &old, NULL);
	return close(fd);
fail:
	e = errno;
	unlinkat(dfd, tmp, 0);
	tmp_set = 0;
	close(fd);
	errno = e;
	return -1;
}

/*
 * Remove the temporary files in the folder of "rel" below dfd that no
 * live process holds: what a killed run (or worker) left.  A file is
 * removed only if it is a regular file with one link and a read lock on
 * it can be had, i.e. no writer holds it.
 */
void
ap_clean_tmps(int dfd, const char *rel)
{
	const char *base;
	struct dirent *de;
	struct stat st;
	size_t nl, sl = sizeof(TMP_SUFFIX) - 1;
	DIR *d;
	int fd, ffd;

	if ((fd = ap_open_parent(dfd, rel, false, &base)) < 0)
		return;
	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		nl = strlen(de->d_name);
		if (de->d_name[0] != '.' || nl <= sl ||
		    strcmp(de->d_name + nl - sl, TMP_SUFFIX) != 0)
			continue;
		/* Only regular files are opened: opening a device planted
		 * under that name could act on it. */
		if (fstatat(fd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
		    !S_ISREG(st.st_mode))
			continue;
		ffd = openat(fd, de->d_name, O_RDONLY | O_NOFOLLOW |
		    O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
		if (ffd < 0)
			continue;
		if (fstat(ffd, &st) == 0 && S_ISREG(st.st_mode) &&
		    st.st_nlink == 1 && lock_fd(ffd, F_RDLCK) == 0 &&
		    same_entry(ffd, fd, de->d_name))
			unlinkat(fd, de->d_name, 0);
		close(ffd);
	}
	closedir(d);
}

int
ap_out_write(const char *path, const char *p, size_t len)
{
	const char *slash = strrchr(path, '/');
	char dir[PATH_MAX];
	struct stat st;
	int fd, e, rc;

	if (stat(path, &st) != 0 || S_ISREG(st.st_mode)) {
		/* The folder named by the user is trusted, links and all. */
		if (slash == NULL)
			snprintf(dir, sizeof(dir), ".");
		else if ((size_t)(slash - path) >= sizeof(dir)) {
			errno = ENAMETOOLONG;
			return -1;
		} else
			snprintf(dir, sizeof(dir), "%.*s", slash == path ? 1 :
			    (int)(slash - path), path);
		if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
			return -1;
		rc = ap_write_at(fd, slash != NULL ? slash + 1 : path, p, len,
		    true);
		e = errno;
		close(fd);
		errno = e;
		return rc;
	}
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		return -1;
	}
	if ((fd = open(path, O_WRONLY | O_NOCTTY)) < 0)
		return -1;
	if (ap_write_all(fd, p, len) != 0) {
		e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return close(fd);
}

/* Remove our temporary file, then die of the signal. */
static void
on_fatal_signal(int sig)
{
	if (tmp_set)
		unlinkat(tmp_dfd, tmp_active, 0);
	signal(sig, SIG_DFL);
	raise(sig);
}

void
ap_catch_signals(void (*fn)(int))
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaddset(&sa.sa_mask, sigs[i]);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
}



int
ap_out_abort(void)
{
	if (tmp_set)
		unlinkat(tmp_dfd, tmp_active, 0);
	return tmp_done != 0;
}

void
ap_out_trap_signals(void)
{
	ap_catch_signals(on_fatal_signal);
}


/* Create the folders leading to "path". */
int
ap_mkdirs(const char *path)
{
	char buf[PATH_MAX];
	char *p;

	if (strlen(path) >= sizeof(buf)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(buf, path, strlen(path) + 1);
	for (p = buf + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(buf, 0777) != 0 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return 0;
}

