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
PKGS        = libxml-2.0 jansson libutf8proc
DEP_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS))
DEP_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS)) $(ICONV_LIBS)
CPPFLAGS   += -D_XOPEN_SOURCE=700 -Iinclude -Isrc -DAP_VERSION=\"$(VERSION)\"
ALL_CFLAGS  = -std=c11 $(WARN) $(CPPFLAGS) $(DEP_CFLAGS) $(CFLAGS) -MMD -MP

LIB_SRC    := $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJ    := $(LIB_SRC:src/%.c=$(BUILD)/%.o)
UNIT_SRC   := $(wildcard tests/unit/test_*.c)
UNIT_BIN   := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
CMOCKA_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka)
CMOCKA_LIBS   = $(shell $(PKG_CONFIG) --libs cmocka)

.PHONY: all check check-unit check-articles check-regress check-cli \
        check-headers regen gen asan valgrind lint install uninstall clean \
        bench

all: $(BUILD)/artparse

$(BUILD)/artparse: $(BUILD)/main.o $(BUILD)/libartparse.a
	$(CC) $(LDFLAGS) -o $@ $(BUILD)/main.o $(BUILD)/libartparse.a $(DEP_LIBS)

$(BUILD)/libartparse.a: $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

$(BUILD)/%.o: src/%.c | $(BUILD)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/lexicon.o: src/lexicon.inc

# The French cue lexicon lives in data/; `make gen` rebuilds its C table.
src/lexicon.inc: data/fr-cues.txt tools/gen-lexicon.sh
	sh tools/gen-lexicon.sh data/fr-cues.txt > $@.tmp && mv $@.tmp $@
gen: src/lexicon.inc

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libartparse.a | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) $(LDFLAGS) -o $@ $< \
	    $(BUILD)/libartparse.a $(DEP_LIBS) $(CMOCKA_LIBS)

$(BUILD) $(BUILD)/tests:
	mkdir -p $@

check: check-headers check-unit check-articles check-regress check-cli

check-unit: $(UNIT_BIN)
	@fail=0; for t in $(UNIT_BIN); do $(VALGRIND) ./$$t || fail=1; done; \
	    test $$fail -eq 0

check-articles: $(BUILD)/artparse
	sh tests/articles/run.sh $(BUILD)/artparse

check-regress: $(BUILD)/artparse
	sh tests/regress.sh $(BUILD)/artparse

check-cli: $(BUILD)/artparse
	sh tests/cli.sh $(BUILD)/artparse

check-headers: | $(BUILD)
	@for h in include/*.h src/*.h; do \
	    printf '#include "%s"\n' "$$h" | \
	    $(CC) $(ALL_CFLAGS) -MF /dev/null -x c -fsyntax-only -I. - || exit 1; \
	done

regen: $(BUILD)/artparse
	REGEN=1 sh tests/regress.sh $(BUILD)/artparse

asan:
	$(MAKE) BUILD=build-asan SAN=address,undefined check

valgrind: $(BUILD)/artparse $(UNIT_BIN)
	$(MAKE) VALGRIND="valgrind -q --error-exitcode=99 --leak-check=full \
	    --errors-for-leak-kinds=definite,indirect" check-unit check-regress

# Speed of the HTML extraction against libxml2's bare DOM parse.
BENCH_PAGES ?= ../shared/corpus/html
$(BUILD)/html_speed: bench/html_speed.c $(BUILD)/libartparse.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libartparse.a $(DEP_LIBS)

bench: $(BUILD)/html_speed
	$(BUILD)/html_speed $(BENCH_PAGES) $(BENCH_ROUNDS)

lint:
	mandoc -Tlint -W warning docs/artparse.1 docs/artparse-json.5

install: $(BUILD)/artparse
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 $(BUILD)/artparse $(DESTDIR)$(BINDIR)/artparse
	install -m 644 docs/artparse.1 $(DESTDIR)$(MANDIR)/man1/artparse.1
	install -m 644 docs/artparse-json.5 $(DESTDIR)$(MANDIR)/man5/artparse-json.5

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/artparse $(DESTDIR)$(MANDIR)/man1/artparse.1 \
	    $(DESTDIR)$(MANDIR)/man5/artparse-json.5

clean:
	rm -rf $(BUILD) build-asan

-include $(LIB_OBJ:.o=.d) $(BUILD)/main.d
