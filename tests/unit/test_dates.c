/* SPDX-License-Identifier: ISC */
/*
 * Dates in folded text, French first, then the other languages: long and numeric forms, an optional time,
 * and the numbers that must not be taken for dates.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data_lines.h"
#include "dates.h"

/* The ISO form of the first date in s, or "" when there is none. */
static const char *
find(const char *s)
{
	static char out[AP_DATE_MAX];
	size_t at = 0, end = 0;

	if (!ap_date_find(s, out, &at, &end))
		return "";
	assert_true(at < end);
	assert_true(end <= strlen(s));
	return out;
}

/* Every name of data/months.txt (run from the source tree) makes a
 * date, "3 NAME 2024", of its month. */
static void
every_month_name(void **state)
{
	char line[128], text[160], want[16], *tab;
	size_t n = 0;
	FILE *fp;

	(void)state;
	if ((fp = fopen("data/months.txt", "r")) == NULL)
		skip();
	while (t_data_line(fp, line, sizeof(line)) != NULL) {
		if ((tab = strchr(line, '\t')) == NULL)
			continue;
		snprintf(text, sizeof(text), "le 3 %s 2024", tab + 1);
		snprintf(want, sizeof(want), "2024-%02d-03", atoi(line));
		if (strcmp(find(text), want) != 0)
			fail_msg("\"%s\": \"%s\", not %s", text, find(text),
			    want);
		n++;
	}
	fclose(fp);
	assert_true(n > 100);
}

static void
long_date_with_spaced_time(void **state)
{
	char out[AP_DATE_MAX];
	size_t at, end;
	const char *s = "publié le 3 mars 2024 à 14 h 30";

	(void)state;
	assert_true(ap_date_find(s, out, &at, &end));
	assert_string_equal(out, "2024-03-03T14:30");
	assert_int_equal(at, strlen("publié le "));
	assert_int_equal(end, strlen(s));
}

static void
long_date_without_time(void **state)
{
	char out[AP_DATE_MAX];
	size_t at, end;
	const char *s = "le 12 janvier 2023, au matin";

	(void)state;
	assert_true(ap_date_find(s, out, &at, &end));
	assert_string_equal(out, "2023-01-12");
	assert_int_equal(at, 3);
	assert_int_equal(end, strlen("le 12 janvier 2023"));
}

static void
long_date_first_of_month(void **state)
{
	(void)state;
	assert_string_equal(find("le 1er mai 2015"), "2015-05-01");
}

static void
long_date_month_variants(void **state)
{
	(void)state;
	assert_string_equal(find("3 fevrier 2024"), "2024-02-03");
	assert_string_equal(find("15 août 2022"), "2022-08-15");
	assert_string_equal(find("15 aout 2022"), "2022-08-15");
	assert_string_equal(find("3 janv. 2024"), "2024-01-03");
	assert_string_equal(find("3 sept. 2024"), "2024-09-03");
	assert_string_equal(find("25 décembre 2019"), "2019-12-25");
}

static void
long_date_hour_only(void **state)
{
	(void)state;
	assert_string_equal(find("mis à jour le 22 novembre 2023 "
	    "à 8 h 03"), "2023-11-22T08:03");
	assert_string_equal(find("22 novembre 2023 à 8h"),
	    "2023-11-22T08:00");
}

static void
numeric_dotted_with_time(void **state)
{
	(void)state;
	assert_string_equal(find("04.05.2015 à 13h36"),
	    "2015-05-04T13:36");
}

static void
numeric_slashed(void **state)
{
	(void)state;
	assert_string_equal(find("03/03/2024"), "2024-03-03");
	assert_string_equal(find("le 3/3/2024 | par x"), "2024-03-03");
}

static void
numeric_colon_time(void **state)
{
	(void)state;
	assert_string_equal(find("03/03/2024 14:30"), "2024-03-03T14:30");
}

static void
numeric_is_day_first(void **state)
{
	(void)state;
	assert_string_equal(find("04/05/2015"), "2015-05-04");
}

static void
iso_date(void **state)
{
	(void)state;
	assert_string_equal(find("2024-03-03"), "2024-03-03");
}

static void
iso_date_with_time(void **state)
{
	(void)state;
	/* Folded text: the "T" of ISO 8601 is lower case. */
	assert_string_equal(find("2024-03-03t09:05:00+01:00"),
	    "2024-03-03T09:05");
}

static void
first_date_wins(void **state)
{
	(void)state;
	assert_string_equal(find("publié le 3 mars 2024, mis à "
	    "jour le 4 mars 2024"), "2024-03-03");
}

static void
rejects_amount(void **state)
{
	(void)state;
	assert_string_equal(find("28 milliards d'euros"), "");
}

static void
rejects_missing_year(void **state)
{
	(void)state;
	assert_string_equal(find("samedi 3 mars, la ville"), "");
	assert_string_equal(find("le 3 mars 24"), "");
}

static void
rejects_month_and_year_only(void **state)
{
	(void)state;
	assert_string_equal(find("12/2024"), "");
	assert_string_equal(find("mars 2024"), "");
}

static void
rejects_score(void **state)
{
	(void)state;
	assert_string_equal(find("victoire 3-1 à domicile"), "");
}

static void
rejects_invalid_day(void **state)
{
	(void)state;
	assert_string_equal(find("32/01/2024"), "");
	assert_string_equal(find("0 mars 2024"), "");
	assert_string_equal(find("00.05.2015"), "");
}

static void
rejects_invalid_month(void **state)
{
	(void)state;
	assert_string_equal(find("15/13/2024"), "");
	assert_string_equal(find("15.00.2024"), "");
	assert_string_equal(find("2024-13-01"), "");
}

static void
rejects_day_past_month_end(void **state)
{
	(void)state;
	assert_string_equal(find("31/04/2024"), "");
	assert_string_equal(find("30 février 2024"), "");
	assert_string_equal(find("29 février 2023"), "");
}

static void
accepts_leap_day(void **state)
{
	(void)state;
	assert_string_equal(find("29 février 2024"), "2024-02-29");
	assert_string_equal(find("29/02/2000"), "2000-02-29");
}

static void
rejects_five_digit_year(void **state)
{
	(void)state;
	/* "A year must have four digits" (dates.c) holds for every form. */
	assert_string_equal(find("03/03/20245"), "");
	assert_string_equal(find("3 mars 20245"), "");
}

static void
rejects_digits_inside_number(void **state)
{
	(void)state;
	/* "103/03/2024": the date must start a word. */
	assert_string_equal(find("ref103/03/2024"), "");
}

static void
invalid_time_keeps_date(void **state)
{
	(void)state;
	assert_string_equal(find("3 mars 2024 à 25 h 30"), "2024-03-03");
	assert_string_equal(find("3 mars 2024 à 14 h 75"), "2024-03-03");
}

static void
number_after_date_is_not_time(void **state)
{
	(void)state;
	assert_string_equal(find("3 mars 2024 à 14 ans"), "2024-03-03");
}

/* The month names and orders of the other languages with word lists. */
static void
dates_in_other_languages(void **state)
{
	(void)state;
	assert_string_equal(find("published on december 3, 2025 at 10:00"),
	    "2025-12-03T10:00");
	assert_string_equal(find("dec. 3 2024"), "2024-12-03");
	assert_string_equal(find("march 3rd, 2024"), "2024-03-03");
	assert_string_equal(find("on 21st may 2019"), "2019-05-21");
	assert_string_equal(find("am 3. märz 2024 um 9:30 uhr"),
	    "2024-03-03T09:30");
	assert_string_equal(find("el 3 de marzo de 2024"), "2024-03-03");
	assert_string_equal(find("3 giugno 2021"), "2021-06-03");
	assert_string_equal(find("3 maart 2021"), "2021-03-03");
	assert_string_equal(find("3 mei 2021"), "2021-05-03");
	assert_string_equal(find("3 de março de 2021"), "2021-03-03");
}

/* A month word not followed by a day, or a day past the month's end. */
static void
month_words_that_are_no_dates(void **state)
{
	(void)state;
	assert_string_equal(find("may 2024"), "");
	assert_string_equal(find("mardi 2024"), "");
	assert_string_equal(find("page 3 of 2024"), "");
	assert_string_equal(find("sep 31, 2020"), "");
	assert_string_equal(find("they may 3 times 2024"), "");
}

static void
numbers_of_n_digits(void **state)
{
	(void)state;
	assert_int_equal(ap_num_at("0042x", 4), 42);
	assert_int_equal(ap_num_at("2024", 4), 2024);
	assert_int_equal(ap_num_at("20a4", 4), -1);
	assert_int_equal(ap_num_at("1", 0), 0);
}

static void
dates_in_urls(void **state)
{
	char out[AP_DATE_MAX];

	(void)state;
	assert_true(ap_date_in_url("http://blogues.example/lnh/2017/01/24/"
	    "certains-revent", out));
	assert_string_equal(out, "2017-01-24");
	assert_true(ap_date_in_url("https://x.example/a/2019-03-05-titre",
	    out));
	assert_string_equal(out, "2019-03-05");
	assert_true(ap_date_in_url("https://x.example/20210708-titre", out));
	assert_string_equal(out, "2021-07-08");
	/* Not a date: mixed separators, a longer number, no such day, the
	 * host or the query. */
	assert_false(ap_date_in_url("https://x.example/2017/01-24/", out));
	assert_false(ap_date_in_url("https://x.example/id/1201701245/", out));
	assert_false(ap_date_in_url("https://x.example/2019/02/30/", out));
	assert_false(ap_date_in_url("https://2017-01-24.example/a", out));
	assert_false(ap_date_in_url("https://x.example/a?d=2017/01/24", out));
}

int
main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_month_name),
		cmocka_unit_test(long_date_with_spaced_time),
		cmocka_unit_test(dates_in_other_languages),
		cmocka_unit_test(dates_in_urls),
		cmocka_unit_test(numbers_of_n_digits),
		cmocka_unit_test(month_words_that_are_no_dates),
		cmocka_unit_test(long_date_without_time),
		cmocka_unit_test(long_date_first_of_month),
		cmocka_unit_test(long_date_month_variants),
		cmocka_unit_test(long_date_hour_only),
		cmocka_unit_test(numeric_dotted_with_time),
		cmocka_unit_test(numeric_slashed),
		cmocka_unit_test(numeric_colon_time),
		cmocka_unit_test(numeric_is_day_first),
		cmocka_unit_test(iso_date),
		cmocka_unit_test(iso_date_with_time),
		cmocka_unit_test(first_date_wins),
		cmocka_unit_test(rejects_amount),
		cmocka_unit_test(rejects_missing_year),
		cmocka_unit_test(rejects_month_and_year_only),
		cmocka_unit_test(rejects_score),
		cmocka_unit_test(rejects_invalid_day),
		cmocka_unit_test(rejects_invalid_month),
		cmocka_unit_test(rejects_day_past_month_end),
		cmocka_unit_test(accepts_leap_day),
		cmocka_unit_test(rejects_five_digit_year),
		cmocka_unit_test(rejects_digits_inside_number),
		cmocka_unit_test(invalid_time_keeps_date),
		cmocka_unit_test(number_after_date_is_not_time),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
