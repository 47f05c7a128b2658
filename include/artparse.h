/* SPDX-License-Identifier: ISC */
/*
 * artparse: parse a French news article (scraped text or saved HTML) into a
 * structured article and write it as JSON, Markdown, plain text or TEI XML.
 *
 * Ownership in one line: everything reachable from a struct ap_doc belongs
 * to it and is released by ap_doc_free(); nothing else is ever returned.
 */
#ifndef ARTPARSE_H
#define ARTPARSE_H

#include <stdbool.h>
#include <stddef.h>

#define AP_JSON_VERSION 2

enum ap_status {
	AP_OK = 0,
	AP_ENOMEM,	/* an allocation failed */
	AP_EIO,		/* writing output failed */
	AP_EENCODING,	/* unknown --encoding, or bytes it cannot convert */
	AP_EBINARY,	/* input is not text (NUL bytes, image, archive) */
	AP_EEMPTY,	/* input holds no text at all */
	AP_ETOOBIG,	/* input larger than the size limit */
	AP_ENOARTICLE,	/* a page with no article text (home page, error) */
	AP_ETOOMANY	/* more blocks than any article has (AP_MAX_BLOCKS) */
};

/* The block budget of one document: it bounds memory whatever the input's
 * shape (50 MB of two-byte lines would otherwise be 26 million blocks). */
#define AP_MAX_BLOCKS	500000

/* A static English description of a status, for error messages. */
const char	*ap_strerror(int status);

enum ap_input {
	AP_INPUT_AUTO = 0,
	AP_INPUT_TEXT,
	AP_INPUT_HTML
};

/*
 * Allocator hook; tests use it to make allocation i fail.  libxml2 and
 * jansson allocate through it too, for the duration of ap_parse(): their
 * allocation functions are process-wide, so the first ap_parse() sets
 * them (xmlMemSetup, json_set_alloc_funcs) to functions that use the
 * allocator of the ap_parse() running in the calling thread, and malloc
 * elsewhere.  A program that sets them itself must not use ap_parse().
 * ap_parse() also clears libxml2's last error (xmlGetLastError) and keeps
 * its error handlers quiet while it runs.  A refused allocation in either
 * library makes ap_parse() return AP_ENOMEM.
 */
struct ap_allocator {
	void	*(*malloc)(size_t, void *);
	void	*(*realloc)(void *, size_t, void *);
	void	 (*free)(void *, void *);
	void	 *arg;
};

/* Where a page read from a web archive (WARC) came from. */
struct ap_warc_source {
	const char		*file;		/* the WARC file as named */
	unsigned long long	 offset;	/* of its record, see artparse(1) */
	const char		*record_id;	/* WARC-Record-ID, or NULL */
	const char		*date;		/* WARC-Date, or NULL */
};

struct ap_opts {
	const char		*path;		/* shown in source.path; may be NULL */
	const char		*encoding;	/* forced charset, or NULL */
	/* The charset the transport gave (the HTTP Content-Type's), or
	 * NULL: used when the bytes are not strict UTF-8, after a BOM and
	 * before <meta charset>; ignored when iconv does not know it. */
	const char		*charset_hint;
	const char		*url;	/* shown in source.url; NULL: none */
	const struct ap_warc_source *warc; /* source.warc, or NULL */
	enum ap_input		 input;
	const struct ap_allocator *alloc;	/* NULL: malloc and free */
};

/*
 * Block kinds, shared by both front ends.  A block is one paragraph-like
 * unit of the input; the classifier gives each one kind.
 */
enum ap_kind {
	AP_KIND_UNKNOWN = 0,
	AP_KIND_HEADLINE,
	AP_KIND_STANDFIRST,	/* chapô */
	AP_KIND_BYLINE,		/* author name, "Par …", author role */
	AP_KIND_DATE,		/* "Publié le …" */
	AP_KIND_PARAGRAPH,
	AP_KIND_SUBHEAD,	/* intertitre */
	AP_KIND_QUOTE,		/* paragraph that is mostly a quotation */
	AP_KIND_LISTITEM,
	AP_KIND_RELATED_LABEL,	/* "Articles connexes", "À lire aussi" */
	AP_KIND_RELATED,	/* a related title, or its summary */
	AP_KIND_BOILERPLATE,
	AP_KIND__MAX
};

/* Name of a kind as shown in JSON and --format tree ("paragraph"). */
const char	*ap_kind_name(enum ap_kind);

struct ap_author {
	const char	*name;
	const char	*role;		/* NULL when none */
};

enum ap_btype {
	AP_BODY_PARAGRAPH = 0,
	AP_BODY_QUOTE,
	AP_BODY_HEADING,
	AP_BODY_LISTITEM,
	AP_BODY_TABLE
};

/* A table cell; an empty one has text "". */
struct ap_cell {
	const char	*text;
	bool		 header;	/* <th>, or a cell of <thead> */
};

struct ap_row {
	struct ap_cell	*cells;
	size_t		 ncells;
};

/* A data table (layout tables are read as text, not tables). */
struct ap_table {
	struct ap_row	*rows;
	size_t		 nrows;
	size_t		 ncols;		/* cells in the widest row */
	const char	*caption;	/* NULL when none */
};

/* An inline span of a body block's text: a link, emphasis or strong. */
enum ap_span_kind {
	AP_SPAN_LINK = 0,
	AP_SPAN_EM,
	AP_SPAN_STRONG
};

struct ap_span {
	enum ap_span_kind kind;
	size_t		 start, end;	/* code points of the (NFC) text,
					   end excluded */
	const char	*url;		/* links: absolute, or as written
					   when there is no base; else NULL */
};

/*
 * One body item.  A list item carries its list (list ids count from 1 in
 * body order, one per outermost list), its depth (1 for the outermost
 * list) and whether its own list is ordered; other types have list 0.
 * A table has text (its cells, " | " between cells, a line per row) for
 * readers of the text only, and its structure in table.
 */
struct ap_body {
	enum ap_btype	 type;
	const char	*text;
	size_t		 list;		/* AP_BODY_LISTITEM: list id, >= 1 */
	unsigned	 depth;		/* AP_BODY_LISTITEM: 1, 2, ... */
	bool		 ordered;	/* AP_BODY_LISTITEM: in an <ol> */
	const struct ap_table *table;	/* AP_BODY_TABLE, else NULL */
	const struct ap_span *spans;	/* links and emphasis, by start */
	size_t		 nspans;
};

/* An image of the article, with its caption and credit. */
struct ap_figure {
	const char	*src;		/* absolute URL (or as written) */
	const char	*alt;		/* NULL when none */
	const char	*caption;	/* NULL when none; without the credit */
	const char	*credit;	/* "Jean Martin / AFP", or NULL */
	size_t		 after;		/* index in body[] of the block it
					   follows; SIZE_MAX: before the body */
};

struct ap_quote {
	const char	*text;		/* without the quotation marks */
	const char	*speaker;	/* NULL when the article does not say */
	const char	*speaker_role;
	size_t		 block;		/* index in body[]; >= nbody (SIZE_MAX,
					   SIZE_MAX - 1): headline, standfirst */
	const char	*evidence;	/* how the speaker was found, for the
					   tree view; NULL without one */
};

struct ap_related {
	const char	*title;
	const char	*summary;	/* NULL when none */
	const char	*url;		/* absolute, or NULL */
};

struct ap_dropped {
	const char	*kind;		/* "job-ad", "newsletter", "share", … */
	const char	*text;
};

struct ap_article {
	const char		*headline;	/* NULL when none found */
	const char		*standfirst;
	const char		*date;		/* ISO 8601, or NULL */
	const char		*date_modified;
	const char		*site_name;
	const char		*lang;
	const char		*url;		/* canonical URL, or NULL */
	struct ap_author	*authors;
	size_t			 nauthors;
	struct ap_body		*body;
	size_t			 nbody;
	struct ap_quote		*quotes;
	size_t			 nquotes;
	struct ap_related	*related;
	size_t			 nrelated;
	struct ap_figure	*figures;
	size_t			 nfigures;
	struct ap_dropped	*dropped;	/* boilerplate blocks left out */
	size_t			 ndropped;
	const char		*source_path;
	const char		*source_type;	/* "text" or "html" */
	const char		*source_encoding; /* charset the input was read in */
	const char		*source_url;	/* ap_opts.url, or NULL */
	const struct ap_warc_source *source_warc; /* ap_opts.warc, or NULL */
};

struct ap_doc;

/*
 * Parse "len" bytes of one article.  On AP_OK, *out is a new document that
 * the caller frees with ap_doc_free(); on error *out is left untouched.
 */
int		 ap_parse(const void *bytes, size_t len,
		    const struct ap_opts *opts, struct ap_doc **out);
void		 ap_doc_free(struct ap_doc *);
const struct ap_article *ap_doc_article(const struct ap_doc *);

/* Output sink: write() returns 0 on success, -1 on error. */
struct ap_sink {
	int	(*write)(void *arg, const char *p, size_t sz);
	void	 *arg;
};

/* How to write an article; the parse is the same for every writer. */
struct ap_wopts {
	size_t	 width;		/* text writer: wrap column, 0 = none */
	bool	 pretty;	/* JSON: indented */
	bool	 keep_boilerplate; /* JSON: list the dropped blocks */
	bool	 links;		/* inline links as spans ([text](url)) */
	bool	 formatting;	/* emphasis and strong as spans (*, **) */
};

struct ap_writer;

/* The writer named "name" (json, markdown, md, text, tree, tei), or NULL. */
const struct ap_writer *ap_writer_find(const char *name);
/* Name and output file extension of writer i, NULL past the last. */
const char	*ap_writer_name(size_t i);
const char	*ap_writer_ext(const struct ap_writer *);

/*
 * Render the article of "doc" with "w" into "sink".  The whole output is
 * built in memory first, so a failure writes nothing.  Returns AP_OK,
 * AP_ENOMEM or AP_EIO.
 */
int		 ap_render(const struct ap_doc *doc, const struct ap_writer *w,
		    const struct ap_wopts *wo, struct ap_sink *sink);

#endif /* ARTPARSE_H */
