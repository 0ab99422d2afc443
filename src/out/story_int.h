/* What the story's text formatters share (story.c, story_io.c). */
#ifndef PTRC_OUT_STORY_INT_H
#define PTRC_OUT_STORY_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "util/strbuf.h"

enum { COLS = 80, MAX_INDENT = 40 };

#define STORY_DIM "\033[2m" /* offsets in the tree, with --color */

/* Items of one logical line, ", "-separated, wrapped at COLS under indent. */
struct wrap {
	struct strbuf *sb;
	unsigned indent, col;
	bool first;
};

void story_wrap_start(struct wrap *w, struct strbuf *sb, unsigned indent);
void story_wrap_item(struct wrap *w, const char *item);
/* An item inside the ANSI sequence sgr (NULL: none), which takes no columns. */
void story_wrap_sgr(struct wrap *w, const char *item, const char *sgr);
void story_wrap_end(struct wrap *w);
/*
 * A path for the tree: printable bytes as they are, others as \xHH; one longer than
 * room keeps its end ("...els/epoch_3/weights.bin"), the part that tells files apart.
 */
void story_add_path(char *buf, size_t len, const char *path, size_t room);

#endif
