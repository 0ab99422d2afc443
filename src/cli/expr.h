#ifndef PTRC_CLI_EXPR_H
#define PTRC_CLI_EXPR_H

#include <stddef.h>

#include "cli/options.h"

/* Each returns 0, or -EINVAL with a one-line reason in err. */
int expr_parse(struct config *cfg, const char *expr, char *err, size_t errlen);
int expr_signals(struct config *cfg, const char *spec, char *err, size_t errlen);
int expr_status(struct config *cfg, const char *spec, char *err, size_t errlen);

#endif
