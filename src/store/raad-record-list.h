/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-record-list.h: a lazy GListModel of records over a query */
#pragma once

#include "raad-query.h"
#include "raad-record.h"

G_BEGIN_DECLS

#define RAAD_TYPE_RECORD_LIST (raad_record_list_get_type ())
G_DECLARE_FINAL_TYPE (RaadRecordList, raad_record_list, RAAD, RECORD_LIST, GObject)

RaadRecordList *raad_record_list_new          (RaadStore       *store,
                                               RaadQuery       *query);
/* A list whose ids someone else decides (a section of a RaadSectionList). */
RaadRecordList *_raad_record_list_new_for_ids (RaadStore       *store,
                                               const char      *type);
/* Returns the ids of a counted list, as many as counted. */
typedef GPtrArray *(*RaadRecordListLoader) (gpointer data);

/* Takes @ids and emits one items-changed for the part that differs. */
void            _raad_record_list_set_ids     (RaadRecordList  *self,
                                               GPtrArray       *ids);
/* @n_items items whose ids @loader reads when one is first asked for. */
void            _raad_record_list_set_counted (RaadRecordList       *self,
                                               guint                 n_items,
                                               RaadRecordListLoader  loader,
                                               gpointer              data,
                                               GDestroyNotify        destroy);
RaadStore      *raad_record_list_get_store    (RaadRecordList  *self);
RaadQuery      *raad_record_list_get_query    (RaadRecordList  *self);
/* Runs the new query and emits one items-changed for the part that differs. */
void            raad_record_list_set_query    (RaadRecordList  *self,
                                               RaadQuery       *query);
/* The id at @position without building the record. */
const char     *raad_record_list_get_id       (RaadRecordList  *self,
                                               guint            position);
/* Position of @id, or G_MAXUINT. */
guint           raad_record_list_find         (RaadRecordList  *self,
                                               const char      *id);

G_END_DECLS
