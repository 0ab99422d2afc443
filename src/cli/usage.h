#ifndef PTRC_CLI_USAGE_H
#define PTRC_CLI_USAGE_H

#include <stdio.h>

void cli_print_help(FILE *fp);

#endif
