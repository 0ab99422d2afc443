/* Name tables for control messages (struct cmsghdr's cmsg_type, by level).  SCM_SECURITY,
 * which strace names, is in no header of Debian 12: it is left out. */
#include <netinet/in.h>
#include <sys/socket.h>

#include "flags.h"

XLAT_TABLE_UNKNOWN(xl_scm_types, XLAT_ENUM, "SCM_", XLAT(SCM_RIGHTS), XLAT(SCM_CREDENTIALS),
		   XLAT(SO_TIMESTAMP_OLD), XLAT(SO_TIMESTAMPNS_OLD), XLAT(SO_TIMESTAMPING_OLD),
		   XLAT(SO_TIMESTAMP_NEW), XLAT(SO_TIMESTAMPNS_NEW), XLAT(SO_TIMESTAMPING_NEW),
		   XLAT(SO_WIFI_STATUS), XLAT(SO_TXTIME));

XLAT_TABLE_UNKNOWN(xl_ip_cmsg_types, XLAT_ENUM, "IP_", XLAT(IP_TOS), XLAT(IP_TTL), XLAT(IP_PKTINFO),
		   XLAT(IP_RECVERR), XLAT(IP_ORIGDSTADDR));
