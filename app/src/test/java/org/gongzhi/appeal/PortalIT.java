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
        var request = multipart("/report")
                .param("type", "COMPLAINT")
                .param("content", "小区门口路灯不亮，晚上很黑。")
                .param("address", "学院路二里庄小区北门")
                .param("latitude", "")
                .param("longitude", "")
                .param("submission", submission)
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
}
