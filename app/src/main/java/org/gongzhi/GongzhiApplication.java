package org.gongzhi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GongzhiApplication {

    public static void main(String[] args) {
        SpringApplication.run(GongzhiApplication.class, args);
    }
}
