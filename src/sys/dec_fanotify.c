/* fanotify_init(2) as strace 6.1 prints it: the class and the flags, the event files' open
 * flags.  fanotify_mark's are plain tables (syscalls.def). */
#include <linux/fanotify.h>
#include <stdint.h>

#include "decoders.h"
#include "flags.h"

/* FAN_CLASS_CONTENT|FAN_CLOEXEC, 0xc / * FAN_CLASS_??? * /: the class, then the flags. */
void dec_fanotify_init(struct dctx *d, struct sc_event *ev, bool exiting)
{
	uint32_t fl = (uint32_t)ev->raw[0];
	uint32_t cls = fl & (FAN_CLASS_CONTENT | FAN_CLASS_PRE_CONTENT), rest = fl & ~cls;
	struct val *v = &ev->args[0];

	if (exiting)
		return;
	if (rest) {
		struct val *items = val_or(v, d->ar, 2);
		val_enum(&items[0], cls, &xl_fan_classes);
		val_flags(&items[1], rest, &xl_fan_init_flags);
		v->raw = VAL_RAW_PARTS;
	} else {
		val_enum(v, cls, &xl_fan_classes);
	}
	dec_open_flags(d, &ev->args[1], (uint32_t)ev->raw[1]);
}
