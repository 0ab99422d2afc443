/*
 * NETLINK_ROUTE's rule messages (RTM_NEWRULE, DELRULE, GETRULE): struct
 * fib_rule_hdr and its FRA_* attributes, as strace 6.1 shows them.
 */
#include <linux/fib_rules.h>
#include <stddef.h>
#include <sys/socket.h>

#include "flags.h"
#include "netlink.h"

/* res1 and res2 are reserved: strace leaves them out. */
static const struct nl_field fib_rule_hdr_fields[] = {
	NLF(struct fib_rule_hdr, family, NLF_ENUM, &xl_address_families),
	NLF(struct fib_rule_hdr, dst_len, NLF_UINT, NULL),
	NLF(struct fib_rule_hdr, src_len, NLF_UINT, NULL),
	NLF(struct fib_rule_hdr, tos, NLF_FLAGS, &xl_iptos),
	NLF(struct fib_rule_hdr, table, NLF_ENUM, &xl_rt_tables_named),
	NLF(struct fib_rule_hdr, action, NLF_ENUM, &xl_fr_actions),
	NLF(struct fib_rule_hdr, flags, NLF_FLAGS, &xl_fib_rule_flags),
};
const struct nl_struct nl_fib_rule_hdr = NL_STRUCT(struct fib_rule_hdr, fib_rule_hdr_fields);

static const struct nl_field uid_range_fields[] = {
	NLF(struct fib_rule_uid_range, start, NLF_UINT, NULL),
	NLF(struct fib_rule_uid_range, end, NLF_UINT, NULL),
};
static const struct nl_struct uid_range = NL_STRUCT(struct fib_rule_uid_range, uid_range_fields);

static const struct nl_field port_range_fields[] = {
	NLF(struct fib_rule_port_range, start, NLF_UINT, NULL),
	NLF(struct fib_rule_port_range, end, NLF_UINT, NULL),
};
static const struct nl_struct port_range = NL_STRUCT(struct fib_rule_port_range, port_range_fields);

static const struct nla_pol fra_pol[] = {
	NLA_P(FRA_DST, NLA_INADDR),
	NLA_P(FRA_SRC, NLA_INADDR),
	NLA_P(FRA_IIFNAME, NLA_STR),
	NLA_P(FRA_GOTO, NLA_U32),
	NLA_P(FRA_PRIORITY, NLA_U32),
	NLA_P(FRA_FWMARK, NLA_U32),
	NLA_P(FRA_FLOW, NLA_U32),
	NLA_P(FRA_TUN_ID, NLA_BE64),
	NLA_P(FRA_SUPPRESS_IFGROUP, NLA_U32),
	NLA_P(FRA_SUPPRESS_PREFIXLEN, NLA_U32),
	NLA_PT(FRA_TABLE, NLA_ENUM32, &xl_rt_tables),
	NLA_P(FRA_FWMASK, NLA_U32),
	NLA_P(FRA_OIFNAME, NLA_STR),
	NLA_P(FRA_L3MDEV, NLA_U8),
	NLA_PS(FRA_UID_RANGE, &uid_range),
	NLA_PT(FRA_PROTOCOL, NLA_ENUM8, &xl_rtprot),
	NLA_PT8(FRA_IP_PROTO, NLA_ENUMV, &xl_inet_protocols),
	NLA_PS(FRA_SPORT_RANGE, &port_range),
	NLA_PS(FRA_DPORT_RANGE, &port_range),
};
const struct nla_set nl_fra_attrs = NLA_SET(&xl_fra_attrs, fra_pol);
