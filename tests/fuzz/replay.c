/* SPDX-License-Identifier: ISC */
/*
 * main() for a fuzz harness built without libFuzzer: runs each file named
 * on the command line (or each file of each folder) through
 * LLVMFuzzerTestOneInput once.  `make check` uses it to replay
 * tests/fuzz/regressions/ with the plain, ASan or valgrind build.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
run_file(const char *path)
{
	FILE *fp;
	unsigned char *buf = NULL, *nb;
	size_t len = 0, cap = 0, r;

	if ((fp = fopen(path, "rb")) == NULL) {
		perror(path);
		return 1;
	}
	for (;;) {
		if (cap - len < 65536) {
			cap = cap ? cap * 2 : 65536;
			if ((nb = realloc(buf, cap)) == NULL) {
				perror(path);
				free(buf);
				fclose(fp);
				return 1;
			}
			buf = nb;
		}
		if ((r = fread(buf + len, 1, cap - len, fp)) == 0)
			break;
		len += r;
	}
	if (ferror(fp)) {
		perror(path);
		free(buf);
		fclose(fp);
		return 1;
	}
	fclose(fp);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 0;
}

static int
run_path(const char *path)
{
	struct stat st;
	struct dirent *de;
	DIR *dir;
	char sub[4096];
	int rc = 0;

	if (stat(path, &st) != 0) {
		perror(path);
		return 1;
	}
	if (!S_ISDIR(st.st_mode))
		return run_file(path);
	if ((dir = opendir(path)) == NULL) {
		perror(path);
		return 1;
	}
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, de->d_name);
		if (stat(sub, &st) == 0 && S_ISREG(st.st_mode)) {
			rc |= run_file(sub);
		}
	}
	closedir(dir);
	return rc;
}

int
main(int argc, char *argv[])
{
	int i, rc = 0;

	for (i = 1; i < argc; i++)
		rc |= run_path(argv[i]);
	return rc;
}
