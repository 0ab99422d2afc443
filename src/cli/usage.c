#include "usage.h"

static const char help[] =
	"usage: ptrc [OPTIONS] COMMAND [ARGS...]\n"
	"       ptrc [OPTIONS] -p PID[,PID...] [-p PID...]\n"
	"\n"
	"Trace the system calls and signals of COMMAND, or of running processes.\n"
	"Output follows strace's format.\n"
	"\n"
	"Tracing:\n"
	"  -f               follow forks, vforks, clones and threads\n"
	"  -ff              with -o FILE: one output file per process, FILE.PID\n"
	"  -p PID[,PID...]  attach to running processes and all their threads;\n"
	"                   may be repeated; SIGINT, SIGTERM or SIGHUP detaches\n"
	"  -e trace=SET     trace only these syscalls: NAME[,NAME...], !NAME..., all, none\n"
	"\n"
	"Output:\n"
	"  -o FILE          write the trace to FILE instead of stderr\n"
	"  -s N             show at most N bytes of strings (default 32)\n"
	"  -a N             align return values at column N (default 40)\n"
	"  -x, -xx          print non-ASCII strings (-x) or all strings (-xx) in hex\n"
	"  -q               suppress attach and detach messages\n"
	"  -qq              also suppress the '+++ exited with N +++' lines\n"
	"  -v               unabbreviated output\n"
	"  -t, -tt, -ttt    prefix lines with the time of day, with microseconds,\n"
	"                   or as seconds since the epoch\n"
	"  -r               prefix lines with the time since the previous line\n"
	"  -T               show the time spent in each syscall: <0.000012>\n"
	"\n"
	"  -h, --help       this text\n"
	"  -V, --version    the version\n"
	"\n"
	"Exit status:\n"
	"  COMMAND's own exit status, or 128+N when signal N killed it.\n"
	"  With -p: 0 once detached, 1 if nothing could be attached.\n"
	"  64 for a usage error, 127 when COMMAND is not found, 126 when it\n"
	"  cannot be executed.\n";

void cli_print_help(FILE *fp)
{
	fputs(help, fp);
}
