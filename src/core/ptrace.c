#include "ptrace.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>

#include "sys/signame.h"

static const struct {
	const char *name;
	int request;
} requests[] = {
	{"syscall", PTRACE_SYSCALL},	   {"cont", PTRACE_CONT},
	{"listen", PTRACE_LISTEN},	   {"interrupt", PTRACE_INTERRUPT},
	{"detach", PTRACE_DETACH},	   {"get_syscall_info", PTRACE_GET_SYSCALL_INFO},
	{"getsiginfo", PTRACE_GETSIGINFO}, {"geteventmsg", PTRACE_GETEVENTMSG},
	{"getregset", PTRACE_GETREGSET},   {"seize", PTRACE_SEIZE},
};
enum { NREQ = sizeof(requests) / sizeof(requests[0]) };

static struct fault {
	int err;	/* 0: none */
	unsigned every; /* the Nth call fails */
	unsigned calls; /* so far */
} faults[NREQ];
static unsigned long injected;
static int any;

static int request_index(int request)
{
	for (int i = 0; i < NREQ; i++)
		if (requests[i].request == request)
			return i;
	return -1;
}

long pt(int request, pid_t pid, void *addr, void *data)
{
	if (any) {
		int i = request_index(request);
		if (i >= 0 && faults[i].err && ++faults[i].calls % faults[i].every == 0) {
			injected++;
			errno = faults[i].err;
			return -1;
		}
	}
	return ptrace((enum __ptrace_request)request, pid, addr, data);
}

static int errno_by_name(const char *name)
{
	for (int e = 1; e < 4096; e++) {
		const char *n = errno_name(e);
		if (n && !strcmp(n, name))
			return e;
	}
	return -1;
}

/* One REQUEST:ERRNO:N item of len bytes; 0 or -EINVAL. */
static int parse_item(const char *s, size_t len)
{
	char item[64], *errname, *every, *end;

	if (len == 0 || len >= sizeof(item))
		return -EINVAL;
	memcpy(item, s, len);
	item[len] = '\0';
	errname = strchr(item, ':');
	every = errname ? strchr(errname + 1, ':') : NULL;
	if (!every)
		return -EINVAL;
	*errname++ = '\0';
	*every++ = '\0';
	int i = 0;
	while (i < NREQ && strcmp(requests[i].name, item))
		i++;
	int err = errno_by_name(errname);
	unsigned long n = strtoul(every, &end, 10);
	if (i == NREQ || err <= 0 || *end || n == 0 || n > 1000000)
		return -EINVAL;
	faults[i] = (struct fault){err, (unsigned)n, 0};
	any = 1;
	return 0;
}

int pt_faults_init(const char *spec)
{
	while (spec && *spec) {
		size_t len = strcspn(spec, ",");
		if (parse_item(spec, len) < 0)
			return -EINVAL;
		spec += len + (spec[len] == ',');
	}
	return 0;
}

unsigned long pt_faults_injected(void)
{
	return injected;
}
