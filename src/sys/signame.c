#include "signame.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "flags.h"
#include "xlat.h"

/* The first real-time signal as the kernel numbers it; glibc reserves
 * the first two for itself and moves SIGRTMIN past them. */
enum { KERNEL_SIGRTMIN = __SIGRTMIN, KERNEL_SIGRTMAX = __SIGRTMAX };

const char *signame(int64_t sig, char *buf, size_t size)
{
	const char *n = xlat_name(&xl_signals, (uint64_t)sig);

	if (n) {
		snprintf(buf, size, "%s", n);
		return buf;
	}
	if (sig == KERNEL_SIGRTMIN) {
		snprintf(buf, size, "SIGRTMIN");
		return buf;
	}
	if (sig > KERNEL_SIGRTMIN && sig <= KERNEL_SIGRTMAX) {
		snprintf(buf, size, "SIGRT_%d", (int)(sig - KERNEL_SIGRTMIN));
		return buf;
	}
	return NULL;
}

/*
 * The kernel's restart codes (include/linux/errno.h in the kernel tree) are
 * not exported to userspace headers, yet a tracer sees them as syscall
 * results when a signal interrupts a call.  Their values are part of the
 * kernel ABI seen by ptrace and have not changed since Linux 2.6.
 */
enum {
	K_ERESTARTSYS = 512,
	K_ERESTARTNOINTR = 513,
	K_ERESTARTNOHAND = 514,
	K_ENOIOCTLCMD = 515,
	K_ERESTART_RESTARTBLOCK = 516,
};

static const struct xlat_ent restart_ents[] = {
	{K_ERESTARTSYS, "ERESTARTSYS"},
	{K_ERESTARTNOINTR, "ERESTARTNOINTR"},
	{K_ERESTARTNOHAND, "ERESTARTNOHAND"},
	{K_ENOIOCTLCMD, "ENOIOCTLCMD"},
	{K_ERESTART_RESTARTBLOCK, "ERESTART_RESTARTBLOCK"},
};
static const struct xlat restart_names = {restart_ents, 5, XLAT_ENUM, NULL, NULL, NULL};

static const char *const restart_texts[] = {
	"To be restarted if SA_RESTART is set",
	"To be restarted",
	"To be restarted if no handler",
	"Inappropriate ioctl for device",
	"Interrupted by signal",
};

/*
 * The kernel's other internal codes (same header), which reach userspace from
 * drivers and NFS: named as strace 6.1 names them, with no text (strace says
 * "Unknown error N").  ENOPARAM (519) strace 6.1 does not name.
 */
static const struct xlat_ent internal_ents[] = {
	{517, "EPROBE_DEFER"}, {518, "EOPENSTALE"}, {521, "EBADHANDLE"},  {522, "ENOTSYNC"},
	{523, "EBADCOOKIE"},   {524, "ENOTSUPP"},   {525, "ETOOSMALL"},	  {526, "ESERVERFAULT"},
	{527, "EBADTYPE"},     {528, "EJUKEBOX"},   {529, "EIOCBQUEUED"}, {530, "ERECALLCONFLICT"},
};
static const struct xlat internal_names = {internal_ents, 12, XLAT_ENUM, NULL, NULL, NULL};

int errno_is_restart(int64_t err)
{
	return err >= K_ERESTARTSYS && err <= K_ERESTART_RESTARTBLOCK;
}

const char *errno_name(int64_t err)
{
	if (errno_is_restart(err))
		return xlat_name(&restart_names, (uint64_t)err);
	if (err > K_ERESTART_RESTARTBLOCK && err <= 530)
		return xlat_name(&internal_names, (uint64_t)err);
	if (err <= 0 || err > 4095)
		return NULL;
	return strerrorname_np((int)err);
}

const char *errno_text(int64_t err)
{
	if (errno_is_restart(err))
		return restart_texts[err - K_ERESTARTSYS];
	if (err <= 0 || err > 4095)
		return NULL;
	return strerrordesc_np((int)err);
}
