/* SPDX-License-Identifier: ISC */
/*
 * Reading the word lists of data/ in a test, which runs from the source
 * tree: a test that checks every entry of a list is found where the
 * program looks it up.
 */
#ifndef AP_TEST_DATA_LINES_H
#define AP_TEST_DATA_LINES_H

#include <stdio.h>
#include <string.h>

/* The next line of the list fp, its end blanks cut, comments and blank
 * lines skipped; NULL at the end. */
static inline char *
t_data_line(FILE *fp, char *line, size_t n)
{
	char *e;

	while (fgets(line, (int)n, fp) != NULL) {
		for (e = line + strlen(line); e > line &&
		    strchr(" \t\r\n", e[-1]) != NULL; e--)
			continue;
		*e = '\0';
		if (line[0] != '#' && line[0] != '\0')
			return line;
	}
	return NULL;
}

#endif /* AP_TEST_DATA_LINES_H */
