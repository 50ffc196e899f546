/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-shared-item.h: an agenda item a council shares with the other councils */
#pragma once

#include "raad-record.h"

G_BEGIN_DECLS

#define RAAD_TYPE_SHARED_ITEM (raad_shared_item_get_type ())
G_DECLARE_FINAL_TYPE (RaadSharedItem, raad_shared_item, RAAD, SHARED_ITEM, RaadRecord)

/* Not private: every council of the organisation reads it. JSON fields: council_id (the
 * council that shared), council_name, item_id (its private agenda item), meeting_date, title,
 * decision. */
RaadSharedItem *raad_shared_item_new (RaadStore *store);

G_END_DECLS
