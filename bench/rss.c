/* SPDX-License-Identifier: ISC */
/*
 * rss: run a command and report its wall time and peak memory, for
 * bench/batch.sh where GNU time may be missing.  Prints one line to
 * standard error: seconds, the peak resident set of the whole process
 * tree (getrusage RUSAGE_CHILDREN: the largest of the command and every
 * process it waited for), and the command's own peak (VmHWM sampled from
 * /proc while it runs; "-" without /proc), both in KiB.
 */
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The VmHWM of "pid" in KiB, or -1. */
static long
hwm(pid_t pid)
{
	char path[64], line[256];
	long kb = -1;
	FILE *fp;

	snprintf(path, sizeof(path), "/proc/%ld/status", (long)pid);
	if ((fp = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof(line), fp) != NULL)
		if (strncmp(line, "VmHWM:", 6) == 0) {
			kb = strtol(line + 6, NULL, 10);
			break;
		}
	fclose(fp);
	return kb;
}

int
main(int argc, char *argv[])
{
	struct timespec tick = { 0, 2000000 };
	struct rusage ru;
	double t0;
	long own = -1, kb;
	pid_t pid, r;
	int st;

	if (argc < 2) {
		fputs("usage: rss command [argument ...]\n", stderr);
		return 2;
	}
	t0 = now();
	if ((pid = fork()) < 0) {
		perror("rss: fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[1], argv + 1);
		perror(argv[1]);
		_exit(127);
	}
	/* VmHWM only grows, so the last sample is the nearest to the peak. */
	while ((r = waitpid(pid, &st, WNOHANG)) == 0) {
		if ((kb = hwm(pid)) > own)
			own = kb;
		nanosleep(&tick, NULL);
	}
	if (r < 0) {
		perror("rss: waitpid");
		return 2;
	}
	getrusage(RUSAGE_CHILDREN, &ru);
	if (own >= 0)
		fprintf(stderr, "%.3f %ld %ld\n", now() - t0, ru.ru_maxrss,
		    own);
	else
		fprintf(stderr, "%.3f %ld -\n", now() - t0, ru.ru_maxrss);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
