/*
 * An output stream for trace lines.  It remembers which task owns the line
 * that is still open (printed up to a syscall's entry), so that another
 * task's output can close it with " <unfinished ...>" the way strace does.
 */
#ifndef PTRC_OUT_STREAM_H
#define PTRC_OUT_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "../util/strbuf.h"

struct out_stream {
	int fd;
	bool autoflush; /* flush after every write (a terminal or a pipe to a person) */
	bool owns_fd;
	struct strbuf buf;
	struct strbuf line; /* text.c builds a syscall's line here: one buffer, kept */
	size_t col;	    /* column of the next character on the current line */
	pid_t open_tid;	    /* task whose syscall line is open, or 0 */
	int err;	    /* first write error, as -errno */
	bool err_reported;  /* the caller said so */
	char *name;	    /* out_open()'s path, for messages; NULL for a given fd */
	bool color;	    /* ANSI colours (--color); they take no columns */
	bool started;	    /* JSON: the header line was written */
};

/* ANSI sequences the text printer uses when s->color is set. */
#define OUT_BOLD "\033[1m"
#define OUT_RED "\033[31m"
#define OUT_YELLOW "\033[33m"
#define OUT_MAGENTA "\033[35m"
#define OUT_RESET "\033[0m"

/* Characters of text that take a column: escape sequences do not. */
size_t out_visible_len(const char *text, size_t len);

void out_init_fd(struct out_stream *s, int fd, bool autoflush);
/*
 * Opens path for writing, truncated or appended to (util/outfile.h: a link
 * another user owns is refused with -ELOOP); 0 or -errno.
 */
int out_open(struct out_stream *s, const char *path, bool append);
/* Flushes and closes the fd of an opened stream, keeping its state; 0 or -errno. */
int out_suspend(struct out_stream *s);
/* Opens a suspended stream's file again, appending; 0 or -errno. */
int out_resume(struct out_stream *s);
void out_write(struct out_stream *s, const char *text, size_t len);
/* Closes an open line of another task (or an unfinished one of this task). */
void out_close_open_line(struct out_stream *s);
int out_flush(struct out_stream *s);
/* Flushes, closes the fd if the stream opened it, and frees the buffer. */
int out_close(struct out_stream *s);

#endif
