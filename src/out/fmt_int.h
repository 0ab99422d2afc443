/* What the text formatters share (fmt_text.c, fmt_const.c). */
#ifndef PTRC_OUT_FMT_INT_H
#define PTRC_OUT_FMT_INT_H

#include <stdbool.h>

#include "../event/value.h"
#include "../util/strbuf.h"

struct text_opts;

/* Under -X raw or -X verbose, v as its number (and its names): true when printed so;
 * false leaves it to text_val's names. */
bool text_const_styled(struct strbuf *sb, const struct val *v, const struct text_opts *in);

#endif
