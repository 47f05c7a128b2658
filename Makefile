# artparse — GNU make.  Objects go to $(BUILD); `make check` runs every test.
VERSION     = 0.1.0
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
MANDIR     ?= $(PREFIX)/share/man
DATADIR    ?= $(PREFIX)/share
BUILD      ?= build
PKG_CONFIG ?= pkg-config
ICONV_LIBS ?=
CC         ?= cc
CFLAGS     ?= -O2 -g
WARN        = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
              -Wmissing-prototypes -Wwrite-strings -Wformat=2 -Wundef -Wvla
ifdef WERROR
WARN       += -Werror
endif
ifdef SAN
CFLAGS     += -fsanitize=$(SAN) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS    += -fsanitize=$(SAN)
endif
PKGS        = libxml-2.0 jansson libutf8proc zlib libdeflate
# The libraries pkg-config cannot find: building stops at once with one
# line naming them (not a page of compiler errors); `make clean`,
# `uninstall` and `lint` need none.
MISSING    := $(shell command -v $(PKG_CONFIG) >/dev/null 2>&1 || \
                  echo $(PKG_CONFIG); for p in $(PKGS); do \
                  $(PKG_CONFIG) --exists $$p 2>/dev/null || echo $$p; done)
ifneq ($(MISSING),)
ifneq ($(filter-out clean uninstall lint,$(or $(MAKECMDGOALS),all)),)
$(error missing $(MISSING) (pkg-config cannot find them); run sh tools/deps.sh)
endif
endif
DEP_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
DEP_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) \
              $(ICONV_LIBS) -lm
CPPFLAGS   += -D_XOPEN_SOURCE=700 -Iinclude -Isrc -DAP_VERSION=\"$(VERSION)\"
ALL_CFLAGS  = -std=c11 $(WARN) $(CPPFLAGS) $(DEP_CFLAGS) $(CFLAGS) -MMD -MP

# The command (options, walking folders, the worker pool, messages) is
# not in the library: libartparse.a parses and writes, nothing more.
CMD_SRC    := src/main.c src/batch.c src/load.c src/outfile.c \
              src/progress.c src/walk.c src/pool.c src/cli_msg.c
CMD_OBJ    := $(CMD_SRC:src/%.c=$(BUILD)/%.o)
LIB_SRC    := $(filter-out $(CMD_SRC),$(wildcard src/*.c))
LIB_OBJ    := $(LIB_SRC:src/%.c=$(BUILD)/%.o)
UNIT_SRC   := $(wildcard tests/unit/test_*.c)
UNIT_BIN   := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
CMOCKA_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka)
CMOCKA_LIBS   = $(shell $(PKG_CONFIG) --libs cmocka)

.PHONY: all check check-unit check-articles check-regress check-cli \
        check-headers regen gen asan valgrind lint install uninstall clean \
        bench check-hostile check-fuzz-regress check-sanitizers fuzz \
        fuzz-build bench-linear

all: $(BUILD)/artparse

$(BUILD)/artparse: $(CMD_OBJ) $(BUILD)/libartparse.a
	$(CC) $(LDFLAGS) -o $@ $(CMD_OBJ) $(BUILD)/libartparse.a $(DEP_LIBS)

$(BUILD)/libartparse.a: $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

$(BUILD)/%.o: src/%.c | $(BUILD)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/lexicon.o: src/lexicon.inc src/stopwords.inc src/class-cues.inc \
    src/name-particles.inc

# The word lists live in data/; tools/gen-data.sh compiles each into a
# sorted C table (committed, like cmark's entities.inc); `make gen`.
GEN_DATA = sh tools/gen-data.sh
src/lexicon.inc: $(wildcard data/cues-*.txt) tools/gen-data.sh
	$(GEN_DATA) cues $(wildcard data/cues-*.txt) > $@.tmp && mv $@.tmp $@
src/stopwords.inc: $(wildcard data/stopwords-*.txt) tools/gen-data.sh
	$(GEN_DATA) words $(wildcard data/stopwords-*.txt) > $@.tmp && \
	    mv $@.tmp $@
src/class-cues.inc: data/class-cues.txt tools/gen-data.sh
	$(GEN_DATA) classcues data/class-cues.txt > $@.tmp && mv $@.tmp $@
$(BUILD)/quotes.o: src/fr-reporting-verbs.inc src/fr-quote-words.inc
src/fr-reporting-verbs.inc: data/fr-reporting-verbs.txt tools/gen-data.sh
	$(GEN_DATA) hashlist verbs data/fr-reporting-verbs.txt > $@.tmp && \
	    mv $@.tmp $@
src/fr-quote-words.inc: data/fr-quote-words.txt tools/gen-data.sh
	$(GEN_DATA) sets QW data/fr-quote-words.txt > $@.tmp && mv $@.tmp $@
src/name-particles.inc: data/name-particles.txt tools/gen-data.sh
	$(GEN_DATA) list data/name-particles.txt > $@.tmp && mv $@.tmp $@
$(BUILD)/dates.o: src/months.inc
src/months.inc: data/months.txt tools/gen-data.sh
	$(GEN_DATA) pairs data/months.txt > $@.tmp && mv $@.tmp $@
$(BUILD)/html_meta.o: src/related-labels.inc src/credit-prefixes.inc
src/related-labels.inc: data/related-labels.txt tools/gen-data.sh
	$(GEN_DATA) keysets RL data/related-labels.txt > $@.tmp && mv $@.tmp $@
src/credit-prefixes.inc: data/credit-prefixes.txt tools/gen-data.sh
	$(GEN_DATA) list data/credit-prefixes.txt > $@.tmp && mv $@.tmp $@

# The fitted content weights (data/content-weights.txt, `make train`).
$(BUILD)/content.o: src/content-weights.inc src/content-features.def
src/content-weights.inc: data/content-weights.txt src/content-features.def \
    tools/gen-weights.sh
	sh tools/gen-weights.sh data/content-weights.txt \
	    src/content-features.def > $@.tmp && mv $@.tmp $@

# The fitted headline weights (data/headline-weights.txt, `make train`).
$(BUILD)/classify.o: src/headline-weights.inc src/headline-features.def
src/headline-weights.inc: data/headline-weights.txt \
    src/headline-features.def tools/gen-weights.sh
	sh tools/gen-weights.sh data/headline-weights.txt \
	    src/headline-features.def > $@.tmp && mv $@.tmp $@

gen: src/lexicon.inc src/stopwords.inc src/class-cues.inc src/fr-reporting-verbs.inc src/fr-quote-words.inc src/name-particles.inc src/months.inc \
    src/related-labels.inc src/credit-prefixes.inc src/content-weights.inc \
    src/headline-weights.inc

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libartparse.a | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) $(LDFLAGS) -o $@ $< \
	    $(BUILD)/libartparse.a $(DEP_LIBS) $(CMOCKA_LIBS)

$(BUILD) $(BUILD)/tests:
	mkdir -p $@

check: check-headers check-unit check-articles check-regress check-cli \
       check-schema check-fuzz-regress check-hostile check-batch check-make \
       check-tei check-distributed check-warc-corpus

# The TEI output against the TEI P5 schema with jing (tests/tei.sh); it
# says what it skipped when jing or the schema (TEI_SCHEMA, default
# ../shared/schemas/tei_all.rng) is missing.
.PHONY: check-tei
check-tei: $(BUILD)/artparse
	sh tests/tei.sh $(BUILD)/artparse

# artparse as the mapper of a distributed engine: the --files-from -
# contract, and GNU parallel over an sshd of the test's own on 127.0.0.1
# (skipped, with a message, without sshd or parallel).
.PHONY: check-distributed check-warc-corpus bench-warc
check-distributed: $(BUILD)/artparse
	sh tests/distributed.sh $(BUILD)/artparse

# The real WARC files of ../shared/corpus/warc (other tools' files, one
# clipped); skipped when the folder is absent.
WARC_CORPUS ?= ../shared/corpus/warc
check-warc-corpus: $(BUILD)/artparse
	sh tests/warc-corpus.sh $(BUILD)/artparse $(WARC_CORPUS)

# A WARC of >= 5,000 records fetched with wget from the dev pages served
# on 127.0.0.1: records/s with -j 1 and -j N, CPU per record against the
# same pages as files, peak memory for 1,000 and 5,000 records.
bench-warc: $(BUILD)/artparse
	sh tools/bench-warc.sh $(BUILD)/artparse $(BENCH_PAGES)

# The build without its libraries, tools/deps.sh, install and uninstall
# into a DESTDIR.
.PHONY: check-make
check-make: $(BUILD)/artparse
	sh tests/make.sh $(BUILD)

check-unit: $(UNIT_BIN)
	@fail=0; for t in $(UNIT_BIN); do $(VALGRIND) ./$$t || fail=1; done; \
	    test $$fail -eq 0

check-articles: $(BUILD)/artparse
	sh tests/articles/run.sh $(BUILD)/artparse

check-regress: $(BUILD)/artparse
	sh tests/regress.sh $(BUILD)/artparse

check-cli: $(BUILD)/artparse
	sh tests/cli.sh $(BUILD)/artparse

# JSON output of every fixture, with and without the span options, against
# docs/artparse.schema.json (needs python3-jsonschema).
.PHONY: check-schema
check-schema: $(BUILD)/artparse
	sh tests/schema.sh $(BUILD)/artparse

# Batch conversion: folders, lists, -d, NDJSON order, signals, time bound.
.PHONY: check-batch bench-batch
check-batch: $(BUILD)/artparse
	sh tests/batch.sh $(BUILD)/artparse

# WARC and gzip input: tests/warc/mkwarc.sh writes the files at test time.
.PHONY: check-warc
check: check-warc
check-warc: $(BUILD)/artparse
	sh tests/warc.sh $(BUILD)/artparse

check-headers: | $(BUILD)
	@for h in include/*.h src/*.h; do \
	    printf '#include "%s"\n' "$$h" | \
	    $(CC) $(ALL_CFLAGS) -MF /dev/null -x c -fsyntax-only -I. - || exit 1; \
	done

# Hostile inputs (tests/hostile/run.sh): exit status and message of each.
check-hostile: $(BUILD)/artparse
	sh tests/hostile/run.sh $(BUILD)/artparse

# Every input the fuzzers ever crashed on, through its harness (built
# with tests/fuzz/replay.c instead of libFuzzer) and through the command
# line in every format and input type.
FUZZ_HARNESS = fuzz_parse fuzz_alloc fuzz_encoding fuzz_warc
REPLAY_BIN  := $(FUZZ_HARNESS:%=$(BUILD)/tests/replay_%)
$(BUILD)/tests/replay_%: tests/fuzz/%.c tests/fuzz/replay.c \
    tests/fuzz/fuzz_common.h $(BUILD)/libartparse.a | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< tests/fuzz/replay.c \
	    $(BUILD)/libartparse.a $(DEP_LIBS)

check-fuzz-regress: $(BUILD)/artparse $(REPLAY_BIN)
	$(VALGRIND) $(BUILD)/tests/replay_fuzz_parse tests/fuzz/regressions/parse
	$(VALGRIND) $(BUILD)/tests/replay_fuzz_alloc tests/fuzz/regressions/alloc
	$(VALGRIND) $(BUILD)/tests/replay_fuzz_encoding \
	    tests/fuzz/regressions/encoding
	$(VALGRIND) $(BUILD)/tests/replay_fuzz_warc tests/fuzz/regressions/warc
	sh tests/fuzz/regress.sh $(BUILD)/artparse

# libFuzzer: `make fuzz FUZZ_SECONDS=N` builds the harnesses with clang in
# build-fuzz/ and runs each for N seconds on the corpus in
# build-fuzz/corpus/ (seeded from the test fixtures and FUZZ_SEEDS, a
# folder of extra pages).  Findings go to build-fuzz/artifacts/ and fail
# the target; minimise them into tests/fuzz/regressions/.
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_BUILD   ?= build-fuzz
FUZZ_SEEDS   ?=
FUZZ_FLAGS   ?=
fuzz:
	$(MAKE) BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) \
	    SAN=fuzzer-no-link,address,undefined fuzz-build
	sh tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) "$(FUZZ_SEEDS)" \
	    "$(FUZZ_FLAGS)" $(FUZZ_HARNESS)

fuzz-build: $(FUZZ_HARNESS:%=$(BUILD)/fuzz/%)

$(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz_common.h \
    $(BUILD)/libartparse.a
	mkdir -p $(BUILD)/fuzz
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer $(LDFLAGS) -o $@ $< \
	    $(BUILD)/libartparse.a $(DEP_LIBS)

regen: $(BUILD)/artparse
	REGEN=1 sh tests/regress.sh $(BUILD)/artparse

# The whole test suite built with AddressSanitizer and UBSan; any report
# aborts the program, so the test that ran it fails.  ASAN_CC=clang builds
# it with clang, whose order of evaluation differs from gcc's (the fuzz
# regression quotes-elision-uaf only shows with clang).
ASAN_CC ?= $(CC)
asan:
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:$(ASAN_OPTIONS) \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    $(MAKE) BUILD=build-asan CC=$(ASAN_CC) SAN=address,undefined check

# Unit tests, golden files, fuzz regressions and the small hostile inputs
# under valgrind memcheck: any error or leak fails (status 99).
VALGRIND_CMD = valgrind -q --error-exitcode=99 --leak-check=full \
	    --show-leak-kinds=definite,indirect \
	    --errors-for-leak-kinds=definite,indirect
valgrind: $(BUILD)/artparse $(UNIT_BIN) $(REPLAY_BIN)
	$(MAKE) VALGRIND="$(VALGRIND_CMD)" check-unit check-regress \
	    check-fuzz-regress
	VALGRIND="$(VALGRIND_CMD)" sh tests/hostile/run.sh $(BUILD)/artparse

# What CI runs for memory safety: both of the above.
check-sanitizers: asan valgrind

# Time and peak memory as the input doubles (tests/bench is not CI).
bench-linear: $(BUILD)/artparse
	sh bench/linear.sh $(BUILD)/artparse

# Speed of the HTML extraction against libxml2's bare DOM parse.
BENCH_PAGES ?= ../shared/corpus/html
$(BUILD)/html_speed: bench/html_speed.c $(BUILD)/libartparse.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libartparse.a $(DEP_LIBS)

# Refit the content and headline weights on the development corpora
# (../shared) and print the site-grouped cross-validated reports;
# developers only (Python, numpy, scikit-learn).  See tools/train-*.py.
.PHONY: train
PYTHON ?= python3
SHARED ?= ../shared
train: train-content
	$(MAKE) train-headline

# The content weights alone, and the binary itself scored by
# cross-validation by site: refitted without each fold's sites, built with
# those weights, run on that fold's pages, all scored by ../shared/eval
# (tools/cv-pipeline.sh, at the end of the report).
.PHONY: train-content
train-content: $(BUILD)/dump-features
	rm -rf $(BUILD)/cv
	$(PYTHON) tools/train-content.py --dump $(BUILD)/dump-features \
	    --shared $(SHARED) --weights data/content-weights.txt \
	    --cv-dir $(BUILD)/cv > tools/train-report.txt
	sh tools/cv-pipeline.sh $(BUILD)/cv $(SHARED) >> tools/train-report.txt

# The headline weights alone (data/headline-weights.txt), fitted on the
# pages, the text dumps and w3m dumps of wide/fulltext (made here, wide
# columns as in corpus/textdump); needs w3m.  The report is committed.
.PHONY: train-headline
train-headline: $(BUILD)/dump-features
	COLS=10000 sh tools/browser-dumps.sh $(SHARED)/corpus/wide/fulltext \
	    $(BUILD)/dumps/fulltext
	$(PYTHON) tools/train-headline.py --dump $(BUILD)/dump-features \
	    --shared $(SHARED) --dumps $(BUILD)/dumps \
	    --weights data/headline-weights.txt > tools/train-headline-report.txt

$(BUILD)/dump-features: tools/dump-features.c $(BUILD)/libartparse.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libartparse.a $(DEP_LIBS)

bench: $(BUILD)/html_speed
	$(BUILD)/html_speed $(BENCH_PAGES) $(BENCH_ROUNDS)

# Batch pages/s with -j 1 and -j N, and peak memory for 100 and 1,000
# files; bench/rss.c measures it where GNU time is missing.
$(BUILD)/rss: bench/rss.c | $(BUILD)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ bench/rss.c
bench-batch: $(BUILD)/artparse $(BUILD)/rss
	sh bench/batch.sh $(BUILD)/artparse $(BUILD)/rss

lint:
	mandoc -Tlint -W warning docs/artparse.1 docs/artparse-json.5

BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
ZSHCOMPDIR  ?= $(DATADIR)/zsh/site-functions
SCHEMADIR  ?= $(DATADIR)/artparse
install: $(BUILD)/artparse
	install -d $(DESTDIR)$(SCHEMADIR)
	install -m 644 docs/artparse.schema.json \
	    $(DESTDIR)$(SCHEMADIR)/artparse.schema.json
	install -d $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 644 completions/artparse.bash $(DESTDIR)$(BASHCOMPDIR)/artparse
	install -m 644 completions/_artparse $(DESTDIR)$(ZSHCOMPDIR)/_artparse
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 $(BUILD)/artparse $(DESTDIR)$(BINDIR)/artparse
	install -m 644 docs/artparse.1 $(DESTDIR)$(MANDIR)/man1/artparse.1
	install -m 644 docs/artparse-json.5 $(DESTDIR)$(MANDIR)/man5/artparse-json.5

uninstall:
	rm -f $(DESTDIR)$(SCHEMADIR)/artparse.schema.json
	-rmdir $(DESTDIR)$(SCHEMADIR) 2>/dev/null
	rm -f $(DESTDIR)$(BASHCOMPDIR)/artparse $(DESTDIR)$(ZSHCOMPDIR)/_artparse
	rm -f $(DESTDIR)$(BINDIR)/artparse $(DESTDIR)$(MANDIR)/man1/artparse.1 \
	    $(DESTDIR)$(MANDIR)/man5/artparse-json.5

clean:
	rm -rf $(BUILD) build-asan build-fuzz

-include $(LIB_OBJ:.o=.d) $(CMD_OBJ:.o=.d)
