/* Names of the SOL_IP and SOL_IPV6 options strace 6.1 names that <netinet/in.h> does not:
 * the netfilter tables' (ip_tables, ip6_tables, arp_tables, ebtables), whose set and get
 * options share numbers (IPT_SO_SET_REPLACE is IPT_SO_GET_INFO's), and <linux/in6.h>'s flow
 * label options. */
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/netfilter_arp/arp_tables.h>
#include <linux/netfilter_bridge/ebtables.h>
#include <linux/netfilter_ipv4/ip_tables.h>
#include <linux/netfilter_ipv6/ip6_tables.h>
#include <stddef.h>

#include "flags.h"

XLAT_TABLE(xl_sol_ip_nf_setopts, XLAT_ENUM, XLAT(IPT_SO_SET_REPLACE), XLAT(IPT_SO_SET_ADD_COUNTERS),
	   XLAT(ARPT_SO_SET_REPLACE), XLAT(ARPT_SO_SET_ADD_COUNTERS), XLAT(EBT_SO_SET_ENTRIES),
	   XLAT(EBT_SO_SET_COUNTERS));

XLAT_TABLE(xl_sol_ip_nf_getopts, XLAT_ENUM, XLAT(IPT_SO_GET_INFO), XLAT(IPT_SO_GET_ENTRIES),
	   XLAT(IPT_SO_GET_REVISION_MATCH), XLAT(IPT_SO_GET_REVISION_TARGET),
	   XLAT(ARPT_SO_GET_INFO), XLAT(ARPT_SO_GET_ENTRIES), XLAT(ARPT_SO_GET_REVISION_TARGET),
	   XLAT(EBT_SO_GET_INFO), XLAT(EBT_SO_GET_ENTRIES), XLAT(EBT_SO_GET_INIT_INFO),
	   XLAT(EBT_SO_GET_INIT_ENTRIES));

XLAT_TABLE(xl_sol_ipv6_nf_setopts, XLAT_ENUM, XLAT(IP6T_SO_SET_REPLACE),
	   XLAT(IP6T_SO_SET_ADD_COUNTERS));

XLAT_TABLE(xl_sol_ipv6_nf_getopts, XLAT_ENUM, XLAT(IP6T_SO_GET_INFO), XLAT(IP6T_SO_GET_ENTRIES),
	   XLAT(IP6T_SO_GET_REVISION_MATCH), XLAT(IP6T_SO_GET_REVISION_TARGET));

XLAT_TABLE(xl_sol_ipv6_flow_opts, XLAT_ENUM, XLAT(IPV6_FLOWINFO), XLAT(IPV6_FLOWLABEL_MGR),
	   XLAT(IPV6_FLOWINFO_SEND));

/* The table naming option name at level (SOL_IP or SOL_IPV6) beyond <netinet/in.h>'s, for
 * getsockopt when get: NULL when none does. */
const struct xlat *sockopt_nf_table(int level, int name, bool get)
{
	const struct xlat *t = NULL;

	if (level == IPPROTO_IP)
		t = get ? &xl_sol_ip_nf_getopts : &xl_sol_ip_nf_setopts;
	else if (level == IPPROTO_IPV6)
		t = xlat_name(&xl_sol_ipv6_flow_opts, (uint64_t)name) ? &xl_sol_ipv6_flow_opts
		    : get					      ? &xl_sol_ipv6_nf_getopts
								      : &xl_sol_ipv6_nf_setopts;
	return t && xlat_name(t, (uint64_t)name) ? t : NULL;
}
