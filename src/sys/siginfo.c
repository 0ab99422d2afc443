#include "siginfo.h"

#include <stdbool.h>

#include "xlat.h"

XLAT_TABLE(xl_si_code_any, XLAT_ENUM, XLAT(SI_USER), XLAT(SI_KERNEL), XLAT(SI_QUEUE),
	   XLAT(SI_TIMER), XLAT(SI_MESGQ), XLAT(SI_ASYNCIO), XLAT(SI_SIGIO), XLAT(SI_TKILL));
XLAT_TABLE(xl_si_code_chld, XLAT_ENUM, XLAT(CLD_EXITED), XLAT(CLD_KILLED), XLAT(CLD_DUMPED),
	   XLAT(CLD_TRAPPED), XLAT(CLD_STOPPED), XLAT(CLD_CONTINUED));

void siginfo_decode(struct arena *a, struct val *out, const siginfo_t *si)
{
	bool user = si->si_code <= 0 || si->si_code == SI_USER;
	bool chld = si->si_signo == SIGCHLD && si->si_code > 0;
	uint32_t n = 2 + (user ? 2 : 0) + (chld ? 5 : 0);

	val_struct(out, a, n);
	val_sig(val_field(out, a, 0, "si_signo"), si->si_signo);
	val_enum(val_field(out, a, 1, "si_code"), (uint64_t)(int64_t)si->si_code,
		 chld ? &xl_si_code_chld : &xl_si_code_any);
	uint32_t i = 2;
	if (user || chld) {
		val_int(val_field(out, a, i++, "si_pid"), si->si_pid);
		val_uint(val_field(out, a, i++, "si_uid"), si->si_uid);
	}
	if (chld) {
		if (si->si_code == CLD_EXITED)
			val_int(val_field(out, a, i++, "si_status"), si->si_status);
		else
			val_sig(val_field(out, a, i++, "si_status"), si->si_status);
		val_int(val_field(out, a, i++, "si_utime"), (int64_t)si->si_utime);
		val_int(val_field(out, a, i++, "si_stime"), (int64_t)si->si_stime);
	}
	out->n = i;
}
