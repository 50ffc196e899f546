/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-section-list.h: records grouped into sections (members per council) from one query */
#pragma once

#include "raad-query.h"
#include "raad-record-list.h"

G_BEGIN_DECLS

#define RAAD_TYPE_SECTION (raad_section_get_type ())
G_DECLARE_FINAL_TYPE (RaadSection, raad_section, RAAD, SECTION, GObject)

/* The record heading the section (a council). */
RaadRecord     *raad_section_get_record    (RaadSection     *self);
/* The section's items, in the item query's order: a RaadRecordList that follows changes. */
GListModel     *raad_section_get_items     (RaadSection     *self);
guint           raad_section_get_n_items   (RaadSection     *self);

#define RAAD_TYPE_SECTION_LIST (raad_section_list_get_type ())
G_DECLARE_FINAL_TYPE (RaadSectionList, raad_section_list, RAAD, SECTION_LIST, GObject)

/* A GListModel of RaadSection: one per result of @group_query, holding the results of
 * @item_query whose @group_field (or one of the values of @group_array_field, may be NULL)
 * is the group's id. One SQL query for all items, so that a keystroke in a search over
 * thousands of records runs one query, not one per section. */
RaadSectionList *raad_section_list_new           (RaadStore        *store,
                                                  RaadQuery        *group_query,
                                                  RaadQuery        *item_query,
                                                  const char       *group_field,
                                                  const char       *group_array_field);
void             raad_section_list_set_item_query (RaadSectionList *self,
                                                  RaadQuery        *item_query);
RaadQuery       *raad_section_list_get_item_query (RaadSectionList *self);
/* Whether sections without items are listed (a new council); default TRUE. */
void             raad_section_list_set_show_empty (RaadSectionList *self,
                                                  gboolean          show_empty);
/* Items over all sections (an item in two sections counts twice). */
guint            raad_section_list_get_n_total   (RaadSectionList  *self);
/* Reads, in a thread, the rows that make later text searches cheap (see the file's design
 * comment); until they are there a search runs its whole query. */
void             raad_section_list_read_rows     (RaadSectionList  *self);
gboolean         raad_section_list_get_reading_rows (RaadSectionList *self);
/* Drops the rows read (the store changed). */
void             raad_section_list_forget_rows   (RaadSectionList  *self);
/* Position of the section for @group_id, or G_MAXUINT. */
guint            raad_section_list_find          (RaadSectionList  *self,
                                                  const char       *group_id);

G_END_DECLS
