package org.gongzhi.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.gongzhi.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The resident portal: bad photos refuse the whole appeal, and a form sent twice registers one. */
@PlatformTest
class PortalIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    static byte[] jpeg() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "jpg", out);
        return out.toByteArray();
    }

    MockHttpServletResponse send(String submission, MockMultipartFile... photos) throws Exception {
        return send(submission, "小区门口路灯不亮，晚上很黑。", null, photos);
    }

    MockHttpServletResponse send(String submission, String content, String area, MockMultipartFile... photos)
            throws Exception {
        var request = multipart("/report")
                .param("type", "COMPLAINT")
                .param("content", content)
                .param("address", "学院路二里庄小区北门")
                .param("latitude", "")
                .param("longitude", "")
                .param("submission", submission)
                .param("area", area == null ? "" : area)
                .with(csrf())
                .accept(MediaType.TEXT_HTML);
        for (MockMultipartFile p : photos) {
            request.file(p);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    @Test
    void a_file_that_claims_to_be_a_photo_refuses_the_appeal_and_nothing_is_kept() throws Exception {
        long appeals = count("appeal.appeal");
        long photos = count("appeal.photo");
        var fake = new MockMultipartFile("photos", "scene.jpg", "image/jpeg", "<?php echo 1; ?>".getBytes());
        var good = new MockMultipartFile("photos", "ok.jpg", "image/jpeg", jpeg());
        var r = send(UUID.randomUUID().toString(), good, fake);
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentAsString()).contains("这不是 JPEG 或 PNG 照片");
        var four = send(
                UUID.randomUUID().toString(),
                good,
                new MockMultipartFile("photos", "2.jpg", "image/jpeg", jpeg()),
                new MockMultipartFile("photos", "3.jpg", "image/jpeg", jpeg()),
                new MockMultipartFile("photos", "4.jpg", "image/jpeg", jpeg()));
        assertThat(four.getStatus()).isEqualTo(400);
        assertThat(four.getContentAsString()).contains("最多上传 3 张照片");
        assertThat(count("appeal.appeal")).isEqualTo(appeals);
        assertThat(count("appeal.photo")).isEqualTo(photos);
    }

    @Test
    void a_form_sent_twice_registers_one_appeal_with_its_photo() throws Exception {
        long appeals = count("appeal.appeal");
        String submission = UUID.randomUUID().toString();
        var photo = new MockMultipartFile("photos", "lamp.png", "application/octet-stream", jpeg());
        var first = send(submission, photo);
        var second = send(submission, photo);
        assertThat(first.getStatus()).isEqualTo(302);
        assertThat(second.getStatus()).isEqualTo(302);
        assertThat(first.getRedirectedUrl()).isEqualTo("/report/done");
        assertThat(count("appeal.appeal")).isEqualTo(appeals + 1);
        assertThat(jdbc.sql("select count(*) from appeal.photo p join appeal.appeal a on a.id = p.appeal_id"
                                + " where a.channel = 'ONLINE' and a.registered_at = (select max(registered_at)"
                                + " from appeal.appeal)")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // Nowhere placed: it waits in the installation's coordination queue, not in silence.
        assertThat(jdbc.sql("select count(*) from appeal.appeal where channel = 'ONLINE' and unit_id is null"
                                + " and coordinator_id is null and state = 'REGISTERED'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void an_address_that_cannot_be_placed_waits_in_the_chosen_streets_queue_and_an_edited_resend_is_said()
            throws Exception {
        String submission = UUID.randomUUID().toString();
        var sent = send(submission, "某处垃圾堆积很久了", "110108010");
        assertThat(sent.getStatus()).isEqualTo(302);
        UUID street = jdbc.sql("select id from territory.unit where code = '110108010'")
                .query(UUID.class)
                .single();
        assertThat(jdbc.sql("select count(*) from appeal.appeal where content = '某处垃圾堆积很久了'"
                                + " and coordinator_id = :street and unit_id is null")
                        .param("street", street)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // Back after sending, the text edited, sent again under the same form: said plainly, a fresh form offered.
        var edited = send(submission, "某处垃圾堆积很久了，还有异味", "110108010");
        assertThat(edited.getStatus()).isEqualTo(422);
        assertThat(edited.getContentAsString()).contains("这份表单已经提交过").doesNotContain(submission);
        var unknownArea = send(UUID.randomUUID().toString(), "内容", "999999");
        assertThat(unknownArea.getStatus()).isEqualTo(400);
        assertThat(unknownArea.getContentAsString()).contains("没有编码为 999999 的街道");
    }

    @Test
    void an_operator_naming_a_place_outside_their_area_is_told_beside_the_place() throws Exception {
        UUID street = jdbc.sql("select id from territory.unit where code = '110108010'")
                .query(UUID.class)
                .single();
        var r = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/appeals")
                        .with(org.gongzhi.support.Staff.as(
                                "op", java.util.Set.of(street), org.gongzhi.identity.Role.STREET_ADMIN))
                        .accept(MediaType.TEXT_HTML)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("channel", "HOTLINE")
                        .param("type", "COMPLAINT")
                        .param("content", "东直门的事")
                        .param("unitCode", "110101008004")
                        .param("unitCodeText", "胡家园社区")
                        .param("reporterPhone", "13800138000")
                        .param(
                                "workOrderNumber",
                                "OUT" + UUID.randomUUID().toString().substring(0, 8)))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentAsString()).contains("这个地点不在您负责的范围内").contains("东直门的事");
    }
}
