/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-facebook-state.h: what one face-book page shows: search, filters, display settings */
#pragma once

#include <glib-object.h>

#include "raad-query.h"
#include "raad-store.h"

G_BEGIN_DECLS

#define RAAD_TYPE_FACEBOOK_STATE (raad_facebook_state_get_type ())
G_DECLARE_FINAL_TYPE (RaadFacebookState, raad_facebook_state, RAAD, FACEBOOK_STATE, GObject)

RaadFacebookState *raad_facebook_state_new                  (void);

RaadStore   *raad_facebook_state_get_store              (RaadFacebookState *self);
void         raad_facebook_state_set_store              (RaadFacebookState *self,
                                                         RaadStore         *store);
/* Filters: NULL or "" means no filter. Changing one emits "filters-changed" once. */
const char  *raad_facebook_state_get_search             (RaadFacebookState *self);
void         raad_facebook_state_set_search             (RaadFacebookState *self,
                                                         const char        *search);
const char  *raad_facebook_state_get_role               (RaadFacebookState *self);
void         raad_facebook_state_set_role               (RaadFacebookState *self,
                                                         const char        *role);
const char  *raad_facebook_state_get_attention_area     (RaadFacebookState *self);
void         raad_facebook_state_set_attention_area     (RaadFacebookState *self,
                                                         const char        *area);
const char  *raad_facebook_state_get_council_id         (RaadFacebookState *self);
void         raad_facebook_state_set_council_id         (RaadFacebookState *self,
                                                         const char        *council_id);
/* TRUE when search, role or attention area narrow down the members. */
gboolean     raad_facebook_state_get_filtering          (RaadFacebookState *self);
void         raad_facebook_state_clear_filters          (RaadFacebookState *self);

/* Display settings the cards read (bound to GSettings by the page). */
guint        raad_facebook_state_get_term_warning_months (RaadFacebookState *self);
gboolean     raad_facebook_state_get_show_contact_details (RaadFacebookState *self);
const char  *raad_facebook_state_get_current_council_id (RaadFacebookState *self);

/* The members that match the filters, in the order a section shows them; the page's
 * RaadSectionList puts them under their council (and under linking pins). */
RaadQuery   *raad_facebook_state_build_member_query     (RaadFacebookState *self);

G_END_DECLS
